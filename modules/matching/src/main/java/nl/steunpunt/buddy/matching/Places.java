package nl.steunpunt.buddy.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The places (woonplaatsen) with their centre, for the distance criterion. */
@Component
class Places {

    private final JdbcClient db;

    Places(JdbcClient db) {
        this.db = db;
    }

    Optional<GeoPoint> find(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return db.sql("SELECT latitude, longitude FROM place WHERE name = ?").param(name.trim())
                .query((rs, n) -> new GeoPoint(rs.getDouble(1), rs.getDouble(2))).optional();
    }

    /** Every known place with its centre: one query for a whole ranking instead of one per buddy. */
    Map<String, GeoPoint> all() {
        Map<String, GeoPoint> all = new HashMap<>();
        db.sql("SELECT name, latitude, longitude FROM place")
                .query((rs, n) -> all.put(rs.getString(1), new GeoPoint(rs.getDouble(2), rs.getDouble(3)))).list();
        return all;
    }

    List<String> names() {
        return db.sql("SELECT name FROM place ORDER BY name").query(String.class).list();
    }
}
