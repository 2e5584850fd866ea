package nl.steunpunt.buddy.ui.closure;

import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import nl.steunpunt.buddy.closure.Closures;

/** A 1–5 scale as radio buttons: 1 not at all … 5 very much. */
class Scale extends RadioButtonGroup<Integer> {

    Scale(String id, String label) {
        setId(id);
        setLabel(label);
        setItems(1, 2, 3, 4, 5);
        setRequired(true);
    }

    /** The answer, or {@code null} after marking the scale as missing. */
    Integer answer() {
        Integer value = getValue();
        if (value == null || value < Closures.MIN_SCORE || value > Closures.MAX_SCORE) {
            setInvalid(true);
            setErrorMessage(getTranslation("error.closure.score", Closures.MIN_SCORE, Closures.MAX_SCORE));
            return null;
        }
        setInvalid(false);
        return value;
    }
}
