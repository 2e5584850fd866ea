package nl.steunpunt.buddy.shared.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegionRepository extends JpaRepository<RegionEntity, String> {
}
