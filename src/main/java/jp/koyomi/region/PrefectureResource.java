package jp.koyomi.region;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import jp.koyomi.user.Role;

@Path("/api/v1/prefectures")
@RolesAllowed(Role.VIEWER)
public class PrefectureResource {

    @Inject
    PrefectureDirectory prefectures;

    /** The 47 prefectures with region and climate zone, as campaigns target them. */
    @GET
    public List<Prefecture> list() {
        return prefectures.all();
    }
}
