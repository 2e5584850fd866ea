package nl.steunpunt.buddy.ui.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinRequest;

import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.ui.TestClock;

/** The public forms accept so many submissions per address and in total per window; staff are not limited. */
class PublicFormLimiterTest {

    private final AtomicReference<Optional<Actor>> actor = new AtomicReference<>(Optional.empty());
    private final TestClock clock = new TestClock(ZoneOffset.UTC);
    private final CurrentActor currentActor = actor::get;

    @AfterEach
    void clear() {
        CurrentInstance.clearAll();
    }

    @Test
    void a_visitor_gets_three_submissions_an_hour_from_one_address_and_more_again_later() {
        var limiter = new PublicFormLimiter(currentActor, clock, 3, 100, Duration.ofHours(1));
        from("192.0.2.1");
        for (int i = 0; i < 3; i++) {
            assertThatCode(limiter::check).doesNotThrowAnyException();
        }
        assertThatThrownBy(limiter::check).isInstanceOf(InvalidInputException.class).extracting("messageKey")
                .isEqualTo("error.public.too-many");

        from("192.0.2.2");
        assertThatCode(limiter::check).doesNotThrowAnyException();

        from("192.0.2.1");
        clock.advance(Duration.ofMinutes(61));
        assertThatCode(limiter::check).doesNotThrowAnyException();
    }

    @Test
    void all_visitors_together_are_limited_too_and_signed_in_staff_never() {
        var limiter = new PublicFormLimiter(currentActor, clock, 3, 5, Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            from("198.51.100." + i);
            limiter.check();
        }
        from("198.51.100.99");
        assertThatThrownBy(limiter::check).isInstanceOf(InvalidInputException.class);

        actor.set(Optional.of(new Actor("coordinator.x", "Coördinator", Set.of(Role.COORDINATOR), Set.of())));
        for (int i = 0; i < 20; i++) {
            assertThatCode(limiter::check).doesNotThrowAnyException();
        }
    }

    private static void from(String address) {
        VaadinRequest request = (VaadinRequest) Proxy.newProxyInstance(VaadinRequest.class.getClassLoader(),
                new Class<?>[] { VaadinRequest.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> address;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        CurrentInstance.set(VaadinRequest.class, request);
    }
}
