package org.goldenthread.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.goldenthread.infra.web.Problems;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.programme.MemberView;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks every API call (and every page under {@code /app}) against its {@link Access} rule before anything is read
 * or done. In a programme: a user who is not a member (and not an admin or auditor, who see every programme) is
 * answered 404 exactly as for a programme that does not exist, so its existence is not disclosed; a member whose
 * role may not call it gets 403 naming the roles that may. A commissioner or provider acts only while signed in for
 * the organisation their membership names. The role the user acts in (their role in the programme, else their global
 * role) is put on the request for the commands it sends ({@link ActorInterceptor}).
 */
public class ProgrammeAccess implements HandlerInterceptor {

    /** Request attribute: the role the user acts in for this request. */
    public static final String ACTING_ROLE = ProgrammeAccess.class.getName() + ".role";

    private final Memberships memberships;

    public ProgrammeAccess(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method)
                || !(request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                        || request.getRequestURI().startsWith(request.getContextPath() + "/app"))) {
            return true;
        }
        Access access = method.getMethodAnnotation(Access.class);
        if (access == null) {
            // fail closed: an endpoint nobody gave a rule is nobody's
            return refuse(request, response, "no-access-rule", "This endpoint has no access rule", Map.of());
        }
        Optional<Identity> signedIn = Identity.current();
        if (signedIn.isEmpty()) {
            return true; // the security filter chain answers 401 first; nothing reaches here unauthenticated
        }
        Identity user = signedIn.get();
        if (!user.hasKnownRole()) {
            return refuse(
                    request,
                    response,
                    "no-known-role",
                    "You are signed in without a role this service knows",
                    Map.of("roles", Roles.PRECEDENCE));
        }
        Rule rule = access.value();
        if (!rule.programmeScoped()) {
            Optional<String> role = rule.globalRoleOf(user);
            if (role.isEmpty()) {
                return refuse(
                        request,
                        response,
                        "role-required",
                        "Your role may not do this",
                        Map.of("rolesAllowed", rule.allowed()));
            }
            request.setAttribute(ACTING_ROLE, role.get());
            return true;
        }
        String programmeId = programmeId(request);
        if (programmeId == null) {
            return refuse(request, response, "no-access-rule", "This endpoint names no programme", Map.of());
        }
        Optional<MemberView> member = memberships.of(programmeId, user.name());
        if (member.isPresent() && rule.permits(member.get().role())) {
            MemberView m = member.get();
            if (!forTheirOrganisation(m, user)) {
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("organisation", m.organisation());
                return refuse(
                        request,
                        response,
                        "organisation-required",
                        "Your membership is for " + m.organisation() + ": sign in for that organisation",
                        extra);
            }
            request.setAttribute(ACTING_ROLE, m.role().name());
            return true;
        }
        Optional<String> global = rule.globalRoleOf(user);
        if (global.isPresent()) {
            request.setAttribute(ACTING_ROLE, global.get());
            return true;
        }
        if (member.isEmpty() && !user.seesEveryProgramme()) {
            throw new UnknownReference("programme", programmeId);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("rolesAllowed", rule.allowed());
        extra.put(
                "yourRole",
                member.map(m -> "member:" + m.role())
                        .orElse("global:" + user.globalRoles().get(0)));
        return refuse(request, response, "role-required", "Your role in this programme may not do this", extra);
    }

    /**
     * Whether the user may still call an endpoint of this rule in the programme (for a stream that outlives its
     * request: a live board re-checks before every board it sends).
     */
    public boolean permits(Identity user, Rule rule, String programmeId) {
        if (!user.hasKnownRole()) {
            return false;
        }
        if (rule.globalRoleOf(user).isPresent()) {
            return true;
        }
        Optional<MemberView> member = memberships.of(programmeId, user.name());
        return member.isPresent() && rule.permits(member.get().role()) && forTheirOrganisation(member.get(), user);
    }

    /** A commissioner or provider acts only while signed in for the organisation their membership names. */
    private static boolean forTheirOrganisation(MemberView member, Identity user) {
        return !member.role().needsOrganisation() || member.organisation().equals(user.organisation());
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        request.removeAttribute(ACTING_ROLE);
    }

    /** The role the current request's user acts in, once checked. */
    public static Optional<String> actingRole() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                        instanceof org.springframework.web.context.request.ServletRequestAttributes a
                ? Optional.ofNullable((String) a.getRequest().getAttribute(ACTING_ROLE))
                : Optional.empty();
    }

    static String programmeId(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables == null ? null : variables.get("programmeId");
    }

    private static boolean refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            String rule,
            String detail,
            Map<String, Object> extra)
            throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("rule", rule);
        fields.putAll(extra);
        Problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, fields);
        return false;
    }
}
