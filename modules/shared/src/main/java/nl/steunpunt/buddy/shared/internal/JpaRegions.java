package nl.steunpunt.buddy.shared.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;

@Service
@Transactional(readOnly = true)
class JpaRegions implements Regions {

    private final RegionRepository repository;

    JpaRegions(RegionRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Region> all() {
        return repository.findAll(Sort.by("name")).stream().map(JpaRegions::toRecord).toList();
    }

    @Override
    public Optional<Region> find(RegionCode code) {
        return repository.findById(code.value()).map(JpaRegions::toRecord);
    }

    @Override
    @Transactional
    public Region save(Region region) {
        String name = region.name() == null ? "" : region.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException("error.region.name.invalid");
        }
        RegionEntity entity = repository.findById(region.code().value())
                .orElseGet(() -> new RegionEntity(region.code().value(), name));
        entity.rename(name);
        return toRecord(repository.save(entity));
    }

    private static Region toRecord(RegionEntity entity) {
        return new Region(new RegionCode(entity.code()), entity.name());
    }
}
