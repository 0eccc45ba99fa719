package io.zhihang.adapter.rest.admin;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.json.QueryParams;
import io.zhihang.application.port.in.admin.rooms.EventReportsUseCase;
import io.zhihang.application.port.in.admin.rooms.EventReportsUseCase.Report;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/** Synapse's {@code /_synapse/admin/v1/event_reports}: list (newest first by default), one report, delete. */
@Path("/_synapse/admin/v1/event_reports")
@Produces(MediaType.APPLICATION_JSON)
public class AdminEventReportsResource {
    private final AdminRequests admins;
    private final EventReportsUseCase reports;

    public AdminEventReportsResource(AdminRequests admins, EventReportsUseCase reports) {
        this.admins = admins;
        this.reports = reports;
    }

    @GET
    public Map<String, Object> list(@QueryParam("from") String from, @QueryParam("limit") String limit,
                                    @QueryParam("dir") String dir, @QueryParam("room_id") String roomId,
                                    @QueryParam("user_id") String userId, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        var page = reports.list(admin, QueryParams.nonNegativeInt("from", from, 0),
                QueryParams.nonNegativeInt("limit", limit, 100), QueryParams.backwards(dir, true), roomId,
                userId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("event_reports", page.reports().stream().map(r -> report(r, false)).toList());
        if (page.nextToken() != null) {
            out.put("next_token", page.nextToken());
        }
        out.put("total", page.total());
        return out;
    }

    @GET
    @Path("{reportId}")
    public Map<String, Object> get(@PathParam("reportId") String reportId, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        return report(reports.get(admin, id(reportId)), true);
    }

    @DELETE
    @Path("{reportId}")
    public Map<String, Object> delete(@PathParam("reportId") String reportId, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        reports.delete(admin, AdminRequests.clientIp(request), id(reportId));
        return Map.of();
    }

    private static long id(String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw DomainException.invalidParam("The report_id parameter must be a string representing a positive integer.");
    }

    private static Map<String, Object> report(Report r, boolean withEvent) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("received_ts", r.receivedTs());
        out.put("room_id", r.roomId());
        out.put("name", r.name());
        out.put("event_id", r.eventId());
        out.put("user_id", r.userId());
        out.put("reason", r.reason());
        out.put("score", r.score());
        out.put("sender", r.sender());
        out.put("canonical_alias", r.canonicalAlias());
        if (withEvent) {
            out.put("event_json", r.eventJson());
        }
        return out;
    }
}
