package nl.steunpunt.buddy.training;

import java.time.Instant;
import java.util.Optional;

/** One immutable sign-off line; a correction points at the line it corrects. */
public record SignOff(long id, int round, String competenceCode, String competenceName, boolean met, String remark,
        String signedBy, Instant signedAt, Optional<Long> corrects) {
}
