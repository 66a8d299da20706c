package jp.koyomi.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import jp.koyomi.common.ConflictException;
import jp.koyomi.common.InvalidInputException;

@ApplicationScoped
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);
    private static final int MIN_PASSWORD_LENGTH = 10;

    @Inject
    Clock clock;

    /** Creates user {@code admin} when nobody exists yet; the generated password is logged this once only. */
    @Transactional
    public void bootstrapAdmin(BootstrapConfig config) {
        if (AppUser.count() > 0) {
            return;
        }
        String password = config.adminPassword().filter(p -> !p.isBlank()).orElseGet(UserService::generatePassword);
        AppUser.create("admin", password, Role.ADMIN, OffsetDateTime.now(clock)).persist();
        if (config.adminPassword().isEmpty()) {
            LOG.infof("Created user 'admin' with generated password: %s  (shown once; set "
                    + "KOYOMI_BOOTSTRAP_ADMIN_PASSWORD to choose it)", password);
        } else {
            LOG.info("Created user 'admin' with the configured bootstrap password");
        }
    }

    @Transactional
    public UserView create(NewUser request) {
        if (request.username() == null || !request.username().matches("[A-Za-z0-9._@-]{2,64}")) {
            throw new InvalidInputException("username", "2 to 64 letters, digits or . _ @ -");
        }
        if (request.password() == null || request.password().length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (!Role.all().contains(request.role())) {
            throw new InvalidInputException("role", "one of admin, marketer, viewer");
        }
        if (AppUser.exists(request.username())) {
            throw new ConflictException("user " + request.username() + " exists already");
        }
        AppUser user = AppUser.create(request.username(), request.password(), request.role(), OffsetDateTime.now(clock));
        user.persist();
        return UserView.of(user);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserView> list() {
        return AppUser.<AppUser>listAll().stream().map(UserView::of).toList();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

@Schema(name = "NewUser", requiredProperties = { "username", "password", "role" })
    public record NewUser(String username, String password, String role) {
    }

@Schema(name = "User", requiredProperties = { "id", "username", "role", "created_at" })
    public record UserView(long id, String username, String role, OffsetDateTime createdAt) {
        static UserView of(AppUser user) {
            return new UserView(user.id, user.username, user.role, user.createdAt);
        }
    }
}
