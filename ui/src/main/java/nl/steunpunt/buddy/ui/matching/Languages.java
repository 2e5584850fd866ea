package nl.steunpunt.buddy.ui.matching;

import java.util.List;

/** The languages a requester can prefer (ISO 639-1), most asked first. */
final class Languages {

    static final List<String> CODES = List.of("nl", "en", "ar", "tr", "pl", "ti", "so", "fa", "uk", "ru", "de", "fr", "es", "pt", "zh");

    private Languages() {
    }
}
