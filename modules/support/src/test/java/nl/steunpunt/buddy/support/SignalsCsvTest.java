package nl.steunpunt.buddy.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.RegionCode;

/** The report's suppression and its CSV, without a database. */
class SignalsCsvTest {

    private static final RegionCode REGION = new RegionCode("PO-2605");
    private static final Quarter Q4 = new Quarter(2026, 4);

    private static SignalReport report(SignalReport.Tally... tallies) {
        return SignalReport.suppressed(REGION, Q4, List.of(tallies), Signals.MINIMUM_COUNT);
    }

    private static String[] lines(SignalReport report) {
        String csv = new String(Signals.csv(report), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        return csv.substring(1).split("\r\n");
    }

    @Test
    void counts_of_five_and_more_matches_are_shown_and_smaller_ones_read_less_than_five() {
        SignalReport report = report(new SignalReport.Tally("THUISZITTEN", "Thuiszitten en verzuim", 6, 9),
                new SignalReport.Tally("VERVOER", "Leerlingenvervoer", 3, 4),
                new SignalReport.Tally("OPP", "OPP niet op orde", 0, 0));

        assertThat(lines(report)).containsExactly(
                "regio;kwartaal;themacode;thema;trajecten;vermeldingen;totaal",
                "PO-2605;2026-K4;THUISZITTEN;Thuiszitten en verzuim;6;9;9",
                "PO-2605;2026-K4;VERVOER;Leerlingenvervoer;< 5;< 5;< 5",
                "PO-2605;2026-K4;OPP;OPP niet op orde;< 5;< 5;< 5");
    }

    @Test
    void many_mentions_in_a_few_matches_are_suppressed_too() {
        SignalReport report = report(new SignalReport.Tally("SCHORSING", "Schorsing", 2, 17));

        assertThat(report.rows()).singleElement().satisfies(row -> {
            assertThat(row.suppressed()).isTrue();
            assertThat(row.matches()).isEmpty();
            assertThat(row.mentions()).isEmpty();
        });
        assertThat(lines(report)[1]).isEqualTo("PO-2605;2026-K4;SCHORSING;Schorsing;< 5;< 5;< 5").doesNotContain("17", "2;");
    }

    @Test
    void text_fields_are_quoted_and_formulas_defused() {
        SignalReport report = report(new SignalReport.Tally("TLV", "TLV; plaatsing \"SO\"", 5, 5),
                new SignalReport.Tally("FORMULE", "=HYPERLINK(\"x\")", 7, 8));

        String[] lines = lines(report);
        assertThat(lines[1]).isEqualTo("PO-2605;2026-K4;TLV;\"TLV; plaatsing \"\"SO\"\"\";5;5;5");
        assertThat(lines[2]).isEqualTo("PO-2605;2026-K4;FORMULE;\"'=HYPERLINK(\"\"x\"\")\";7;8;8");
    }

    @Test
    void other_sources_get_a_column_each_and_the_total_shows_only_when_no_part_is_suppressed() {
        List<SignalReport.Tally> tallies = List.of(new SignalReport.Tally("THUISZITTEN", "Thuiszitten", 6, 9),
                new SignalReport.Tally("VERVOER", "Vervoer", 7, 8),
                new SignalReport.Tally("OPP", "OPP", 2, 3),
                new SignalReport.Tally("TLV", "TLV", 0, 0));
        Map<String, Integer> intervisie = Map.of("THUISZITTEN", 5, "VERVOER", 4, "OPP", 6, "TLV", 3);
        SignalReport report = SignalReport.suppressed(REGION, Q4, tallies, List.of("intervisie"), List.of(intervisie),
                Signals.MINIMUM_COUNT);

        assertThat(report.sources()).containsExactly("intervisie");
        assertThat(report.rows().get(0).sources()).containsExactly(OptionalInt.of(5));
        assertThat(report.rows().get(0).total()).hasValue(14);
        assertThat(lines(report)).containsExactly(
                "regio;kwartaal;themacode;thema;trajecten;vermeldingen;intervisie;totaal",
                "PO-2605;2026-K4;THUISZITTEN;Thuiszitten;6;9;5;14",
                // 8 + 4 = 12 would give the suppressed 4 away.
                "PO-2605;2026-K4;VERVOER;Vervoer;7;8;< 5;< 5",
                // 3 + 6 = 9 would give the suppressed 3 away.
                "PO-2605;2026-K4;OPP;OPP;< 5;< 5;6;< 5",
                // Two small parts make 3, still small and never shown.
                "PO-2605;2026-K4;TLV;TLV;< 5;< 5;< 5;< 5");
        assertThat(String.join("\n", lines(report))).doesNotContain(";12", ";4;", ";3;", ";2;", ";9\n");
    }

    @Test
    void a_quarter_covers_three_months_and_reads_back_what_it_writes() {
        Quarter quarter = Quarter.of(LocalDate.of(2026, 11, 28));
        assertThat(quarter).isEqualTo(Q4);
        assertThat(quarter.firstDay()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(quarter.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(Quarter.parse(quarter.toString())).isEqualTo(quarter);
        assertThat(new Quarter(2026, 1).previous()).isEqualTo(new Quarter(2025, 4));
        assertThatThrownBy(() -> Quarter.parse("2026-K5")).isInstanceOf(InvalidInputException.class);
    }
}
