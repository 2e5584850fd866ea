package nl.steunpunt.buddy.training;

import java.time.Clock;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.BuddySelected;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.training.internal.EnrollmentEntity;
import nl.steunpunt.buddy.training.internal.EnrollmentRepository;

/** Enrols every selected buddy in the basic track, once. */
@Service
@Transactional
public class Enrollments {

    public static final String BASIC_TRACK = "BASIS";

    private final EnrollmentRepository repository;
    private final Clock clock;

    Enrollments(EnrollmentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(BuddySelected event) {
        if (repository.existsById(event.applicationId().value())) {
            return;
        }
        repository.save(new EnrollmentEntity(event.applicationId().value(), event.region().value(), BASIC_TRACK, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<Enrollment> of(ApplicationId applicationId) {
        return repository.findById(applicationId.value()).map(e -> new Enrollment(new ApplicationId(e.applicationId()),
                new RegionCode(e.regionCode()), e.track(), e.enrolledAt()));
    }
}
