package nl.steunpunt.buddy.ui.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The corpus of hostile and malformed text that every form and service must survive: refused with a
 * translated message, or stored as given and shown escaped. Named, so a failure says which one.
 */
final class BadInput {

    private BadInput() {
    }

    /** Name → value. */
    static final Map<String, String> CORPUS = corpus();

    private static Map<String, String> corpus() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("empty", "");
        c.put("blank", " \t ");
        c.put("oversized 10k", "x".repeat(10_000));
        c.put("oversized 1M", "y".repeat(1_000_000));
        c.put("nul byte", "naam\u0000met nul");
        c.put("control characters", "bel\u0007esc\u001b[31mrood\u0008");
        c.put("right-to-left override", "Jan\u202Egnilleps\u202C");
        c.put("bidi isolates", "\u2066abc\u2069\u200F");
        c.put("zero-width", "a\u200Bb\u200Dc\uFEFF");
        c.put("lone surrogate", "half \uD800 teken");
        c.put("emoji", "Goed gesprek 😀👍🏽");
        c.put("crlf header injection", "ouder@example.org\r\nBcc: iedereen@example.org");
        c.put("script tag", "<script>alert('xss')</script>");
        c.put("html event handler", "<img src=x onerror=alert(1)>");
        c.put("javascript url", "javascript:alert(document.cookie)");
        c.put("expression ${}", "${7*7}");
        c.put("expression #{}", "#{7*7}");
        c.put("engine expression", "${execution.setVariable('hacked', true)}");
        c.put("juel method call", "#{''.getClass().forName('java.lang.Runtime')}");
        c.put("mustache", "{{name}} {{token}}");
        c.put("sql quote", "' OR '1'='1");
        c.put("sql drop", "Robert'); DROP TABLE help_request;--");
        c.put("sql like wildcards", "%_\\%");
        c.put("path traversal", "../../../etc/passwd");
        c.put("malformed date", "2026-13-45");
        c.put("malformed number", "1e309");
        c.put("not a number", "NaN");
        c.put("negative", "-1");
        c.put("json", "{\"role\":\"ADMIN\"}");
        c.put("null word", "null");
        return c;
    }
}
