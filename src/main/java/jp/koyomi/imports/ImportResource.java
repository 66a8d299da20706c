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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.koyomi.catalog.ProductImporter;
import jp.koyomi.customer.CustomerImporter;
import jp.koyomi.order.OrderImporter;
import jp.koyomi.region.PrefectureDirectory;
import jp.koyomi.user.Role;

/** The import endpoints of API.md: text/csv or a JSON array, all or nothing. */
@Path("/api/v1/imports")
@Tag(name = "Imports", description = "Customers, products and orders in, all or nothing")
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
    @Operation(summary = "Imports customers: all rows or none", description = "text/csv with a header row, or a JSON array of objects with the same names; see docs/imports.md.")
    @RequestBody(required = true, content = { @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, description = "Objects named like the CSV columns"), examples = @ExampleObject(name = "one", value = "[{\"external_id\": \"C-1001\", \"family_name\": \"青木\", \"email\": \"aoki@example.jp\", \"email_consent\": true}]")) })
    @APIResponse(responseCode = "200", description = "How many rows were created and updated")
    @APIResponse(responseCode = "400", description = "Nothing stored; errors name each row and field")
    @APIResponse(responseCode = "413", description = "The body is larger than quarkus.http.limits.max-body-size")
    public ImportResult customers(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        CustomerImporter importer = new CustomerImporter(prefectures, clock);
        return imports.run(importer, body, isJson(contentType)).withKeptRefused(importer.keptRefused());
    }

    @POST
    @Path("/products")
    @Operation(summary = "Imports products: all rows or none", description = "text/csv with a header row, or a JSON array of objects with the same names; see docs/imports.md.")
    @RequestBody(required = true, content = { @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, description = "Objects named like the CSV columns"), examples = @ExampleObject(name = "one", value = "[{\"style_code\": \"CT-100\", \"name\": \"ウールコート\", \"category\": \"coats\", \"sku\": \"CT-100-M\", \"size\": \"M\", \"stock\": 12, \"price\": 29000}]")) })
    @APIResponse(responseCode = "200", description = "How many rows were created and updated")
    @APIResponse(responseCode = "400", description = "Nothing stored; errors name each row and field")
    @APIResponse(responseCode = "413", description = "The body is larger than quarkus.http.limits.max-body-size")
    public ImportResult products(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return imports.run(new ProductImporter(clock), body, isJson(contentType));
    }

    @POST
    @Path("/orders")
    @Operation(summary = "Imports orders: all rows or none", description = "text/csv with a header row, or a JSON array of objects with the same names; see docs/imports.md.")
    @RequestBody(required = true, content = { @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, description = "Objects named like the CSV columns"), examples = @ExampleObject(name = "one", value = "[{\"order_id\": \"O-1\", \"customer_external_id\": \"C-1001\", \"ordered_at\": \"2026-01-10T12:00:00+09:00\", \"sku\": \"CT-100-M\", \"quantity\": 1, \"unit_price\": 29000}]")) })
    @APIResponse(responseCode = "200", description = "How many rows were created and updated")
    @APIResponse(responseCode = "400", description = "Nothing stored; errors name each row and field")
    @APIResponse(responseCode = "413", description = "The body is larger than quarkus.http.limits.max-body-size")
    public ImportResult orders(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return imports.run(new OrderImporter(), body, isJson(contentType));
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith("application/json");
    }
}
