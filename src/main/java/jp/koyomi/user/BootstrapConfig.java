package jp.koyomi.user;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "koyomi.bootstrap")
public interface BootstrapConfig {

    /** Password of the {@code admin} user created at the first start; generated and logged once when unset. */
    Optional<String> adminPassword();
}
