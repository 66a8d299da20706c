package jp.koyomi.region;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.koyomi.user.Role;

@Path("/api/v1/prefectures")
@Tag(name = "Regions", description = "The 47 prefectures with their regions and climate zones")
@RolesAllowed(Role.VIEWER)
public class PrefectureResource {

    @Inject
    PrefectureDirectory prefectures;

    /** The 47 prefectures with region and climate zone, as campaigns target them. */
    @GET
    @Operation(summary = "The 47 prefectures (JIS X 0401) with region and climate zone")
    public List<Prefecture> list() {
        return prefectures.all();
    }
}
