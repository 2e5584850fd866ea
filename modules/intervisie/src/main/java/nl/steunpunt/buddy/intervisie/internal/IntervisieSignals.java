package nl.steunpunt.buddy.intervisie.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.support.SignalSource;

/**
 * The themes of held intervisie and exchange sessions for the signalen report: per theme the number
 * of the region's sessions that named it, by the day the session took place.
 */
@Component
class IntervisieSignals implements SignalSource {

    private final JdbcClient db;
    private final Clock clock;

    IntervisieSignals(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "intervisie";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Map<String, Integer> count(RegionCode region, LocalDate from, LocalDate to) {
        Map<String, Integer> counts = new HashMap<>();
        db.sql("SELECT t.theme_code, count(DISTINCT s.id) FROM intervisie_theme t JOIN intervisie_session s ON s.id = t.session_id "
                + "JOIN intervisie_group g ON g.id = s.group_id WHERE g.region_code = ? AND s.status = 'HELD' "
                + "AND s.starts_at >= ? AND s.starts_at < ? GROUP BY t.theme_code")
                .params(region.value(), Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()),
                        Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }
}
