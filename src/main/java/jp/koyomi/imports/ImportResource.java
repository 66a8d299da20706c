package jp.koyomi.imports;

import java.io.InputStream;
import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;

import jp.koyomi.catalog.ProductImporter;
import jp.koyomi.customer.CustomerImporter;
import jp.koyomi.order.OrderImporter;
import jp.koyomi.region.PrefectureDirectory;
import jp.koyomi.user.Role;

/** The import endpoints of API.md: text/csv or a JSON array, all or nothing. */
@Path("/api/v1/imports")
@RolesAllowed(Role.MARKETER)
@Consumes({ "text/csv", "application/json" })
public class ImportResource {

    @Inject
    ImportService imports;

    @Inject
    PrefectureDirectory prefectures;

    @Inject
    Clock clock;

    @POST
    @Path("/customers")
    public ImportResult customers(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        CustomerImporter importer = new CustomerImporter(prefectures, clock);
        return imports.run(importer, body, isJson(contentType)).withKeptRefused(importer.keptRefused());
    }

    @POST
    @Path("/products")
    public ImportResult products(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return imports.run(new ProductImporter(clock), body, isJson(contentType));
    }

    @POST
    @Path("/orders")
    public ImportResult orders(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return imports.run(new OrderImporter(), body, isJson(contentType));
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith("application/json");
    }
}
