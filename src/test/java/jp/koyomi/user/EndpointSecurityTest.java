package jp.koyomi.user;

import static jp.koyomi.support.TestUsers.anonymous;
import static jp.koyomi.support.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jp.koyomi.api.OpenApiDocument;

/**
 * Walks every JAX-RS endpoint of the application: each must name its role (or be one of the
 * signed open endpoints), refuse anonymous callers with 401 and callers without the role with 403.
 */
@QuarkusTest
class EndpointSecurityTest {

    record Endpoint(String method, String path, String role, String consumes) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @TestFactory
    Stream<DynamicTest> anonymousCallersGet401() throws Exception {
        return guarded().stream().map(e -> DynamicTest.dynamicTest(e.toString(),
                () -> assertEquals(401, call(anonymous(), e), e + " as anonymous")));
    }

    @TestFactory
    Stream<DynamicTest> callersWithoutTheRoleGet403() throws Exception {
        return guarded().stream().filter(e -> !e.role().equals(Role.VIEWER)).map(e -> DynamicTest.dynamicTest(e.toString(),
                () -> assertEquals(403, call(as(e.role().equals(Role.ADMIN) ? Role.MARKETER : Role.VIEWER), e),
                        e + " as a user below " + e.role())));
    }

    @Test
    void everyEndpointNamesItsRoleOrIsASignedOpenOne() throws Exception {
        List<Endpoint> all = endpoints();
        assertTrue(all.size() >= 8, "found only " + all);
        for (Endpoint e : all) {
            assertFalse(e.role() == null, e + " has neither @RolesAllowed nor @PermitAll");
        }
    }

    /** The same walk driven by /q/openapi: every documented operation, including ones added since. */
    @TestFactory
    Stream<DynamicTest> everyDocumentedOperationRefusesAnonymousCallersWith401() throws Exception {
        return OpenApiDocument.fetch().operations().stream().filter(o -> o.role() != null)
                .map(o -> DynamicTest.dynamicTest(o.toString(), () -> assertEquals(401, call(anonymous(), o), o + " as anonymous")));
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedOperationRefusesCallersBelowItsRoleWith403() throws Exception {
        return OpenApiDocument.fetch().operations().stream().filter(o -> o.role() != null && !o.role().equals(Role.VIEWER))
                .map(o -> DynamicTest.dynamicTest(o.toString(), () -> assertEquals(403,
                        call(as(o.role().equals(Role.ADMIN) ? Role.MARKETER : Role.VIEWER), o), o + " below " + o.role())));
    }

    @Test
    void theDocumentNamesTheRoleOfEveryOperationButTheSignedOpenOnes() throws Exception {
        for (OpenApiDocument.Operation o : OpenApiDocument.fetch().operations()) {
            boolean open = o.path().startsWith("/unsubscribe/") || o.path().startsWith("/click/")
                    || o.path().equals("/line/webhook");
            assertEquals(open, o.role() == null, o + (open ? " is a signed open endpoint" : " names no role"));
        }
    }

    @Test
    void theDocumentListsEveryEndpointWithTheRoleItReallyRequires() throws Exception {
        List<String> documented = OpenApiDocument.fetch().operations().stream()
                .map(o -> o.method().toUpperCase() + " " + o.path().replaceAll("\\{[^}]+}", "x") + " "
                        + (o.role() == null ? "open" : o.role()))
                .toList();
        for (Endpoint e : endpoints()) {
            assertTrue(documented.contains(e.method() + " " + e.path() + " " + e.role()), e + " (" + e.role()
                    + ") is missing from /q/openapi or documented with another role");
        }
    }

    private static int call(RequestSpecification request, OpenApiDocument.Operation o) {
        String path = o.path().replaceAll("\\{[^}]+}", "1");
        return request.contentType("application/json").body("{}").request(o.method().toUpperCase(), path).statusCode();
    }

    @Test
    void viewerPostingAnImportGets403() {
        assertEquals(403, as(Role.VIEWER).contentType("text/csv").body("external_id,family_name\nX,Y\n")
                .post("/api/v1/imports/customers").statusCode());
    }

    private static int call(RequestSpecification request, Endpoint e) {
        RequestSpecification r = request.contentType(e.consumes()).body(e.consumes().equals("text/csv") ? "a\n" : "{}");
        return r.request(e.method(), e.path()).statusCode();
    }

    private static List<Endpoint> guarded() throws Exception {
        return endpoints().stream().filter(e -> !e.role().equals("open")).toList();
    }

    /** Every resource method under target/classes, with its effective role ("open" for @PermitAll). */
    static List<Endpoint> endpoints() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Role.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, EndpointSecurityTest.class.getClassLoader());
                jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    String verb = verb(m);
                    if (verb == null) {
                        continue;
                    }
                    jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = (base.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/")
                            .replaceAll("\\{[^}]+}", "x");
                    endpoints.add(new Endpoint(verb, path, role(m, type), consumes(m, type)));
                }
            }
        }
        return endpoints;
    }

    private static String verb(Method m) {
        for (Class<? extends Annotation> v : List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)) {
            if (m.isAnnotationPresent(v)) {
                return v.getSimpleName();
            }
        }
        return null;
    }

    private static String role(Method m, Class<?> type) {
        if (m.isAnnotationPresent(PermitAll.class)) {
            return "open";
        }
        RolesAllowed roles = m.isAnnotationPresent(RolesAllowed.class) ? m.getAnnotation(RolesAllowed.class)
                : type.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            return roles.value()[0];
        }
        return type.isAnnotationPresent(PermitAll.class) ? "open" : null;
    }

    private static String consumes(Method m, Class<?> type) {
        Consumes c = m.isAnnotationPresent(Consumes.class) ? m.getAnnotation(Consumes.class) : type.getAnnotation(Consumes.class);
        return c == null ? "application/json" : c.value()[0];
    }
}
