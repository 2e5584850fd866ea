package nl.steunpunt.buddy.shared.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "region")
class RegionEntity {

    @Id
    @Column(name = "code", length = 32)
    private String code;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    protected RegionEntity() {
    }

    RegionEntity(String code, String name) {
        this.code = code;
        this.name = name;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }
}
