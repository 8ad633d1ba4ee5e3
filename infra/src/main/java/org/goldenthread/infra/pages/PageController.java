package org.goldenthread.infra.pages;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Identity;
import org.goldenthread.infra.security.Memberships;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.Category;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page shells. Each names what it is about (programme, board, voting) and carries the session's CSRF token and
 * the signed-in user; the page's script reads and acts through the API. A programme's pages are checked by the same
 * rule as the API's reads ({@link Rule#READ}): someone who is not a member gets 404, as from the API.
 */
@Controller
@Hidden
public class PageController {

    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private static final Map<Category, String> TITLES = Map.of(
            Category.WORKING, "What is working",
            Category.NOT_WORKING, "What is not working",
            Category.FUTURE, "What matters for the future");

    private final PageRenderer pages;
    private final Memberships memberships;

    public PageController(PageRenderer pages, Memberships memberships) {
        this.pages = pages;
        this.memberships = memberships;
    }

    /** The role the page's user acts in, in this programme (the same as the API's; checked before this is called). */
    private String role(String programmeId) {
        Identity user = Identity.current().orElseThrow();
        return memberships
                .of(programmeId, user.name())
                .map(m -> m.role().name())
                .orElseGet(() -> user.globalRoles().isEmpty()
                        ? "NONE"
                        : user.globalRoles().get(0));
    }

    private Map<String, Object> about(String programmeId, Category category) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("programmeId", programmeId);
        v.put("role", role(programmeId));
        if (category != null) {
            v.put("category", category.name());
            v.put("categoryTitle", TITLES.get(category));
        }
        return v;
    }

    private ResponseEntity<String> page(String template, HttpServletRequest request, Map<String, Object> more) {
        Map<String, Object> variables = new LinkedHashMap<>(more);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        variables.put("csrfHeader", csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName());
        variables.put("csrfParameter", csrf == null ? "_csrf" : csrf.getParameterName());
        variables.put("csrfToken", csrf == null ? "" : csrf.getToken());
        variables.put("user", Identity.current().map(Identity::name).orElse(null));
        variables.put("template", template);
        return ResponseEntity.ok()
                .contentType(HTML)
                .header("Cache-Control", "no-store")
                .body(pages.render(template, variables));
    }

    @GetMapping("/login")
    public ResponseEntity<String> login(
            HttpServletRequest request,
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String signedout) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("error", error != null);
        v.put("signedOut", signedout != null);
        return page("login", request, v);
    }

    @Access(Rule.SIGNED_IN)
    @GetMapping("/app")
    public ResponseEntity<String> programmes(HttpServletRequest request) {
        return page("programmes", request, Map.of());
    }

    @Access(Rule.READ)
    @GetMapping("/app/programmes/{programmeId}")
    public ResponseEntity<String> programme(HttpServletRequest request, @PathVariable String programmeId) {
        return page("programme", request, about(programmeId, null));
    }

    @Access(Rule.READ)
    @GetMapping("/app/programmes/{programmeId}/boards/{category}")
    public ResponseEntity<String> board(
            HttpServletRequest request, @PathVariable String programmeId, @PathVariable String category) {
        return page("board", request, about(programmeId, Category.parse("category", category)));
    }

    @Access(Rule.READ)
    @GetMapping("/app/programmes/{programmeId}/boards/{category}/room")
    public ResponseEntity<String> room(
            HttpServletRequest request, @PathVariable String programmeId, @PathVariable String category) {
        return page("room", request, about(programmeId, Category.parse("category", category)));
    }

    @Access(Rule.READ)
    @GetMapping("/app/programmes/{programmeId}/votings/{votingId}")
    public ResponseEntity<String> voting(
            HttpServletRequest request, @PathVariable String programmeId, @PathVariable String votingId) {
        Map<String, Object> v = about(programmeId, null);
        v.put("pollId", votingId);
        v.put("kind", "voting");
        return page("voting", request, v);
    }

    @Access(Rule.READ)
    @GetMapping("/app/programmes/{programmeId}/ballots/{ballotId}")
    public ResponseEntity<String> ballot(
            HttpServletRequest request, @PathVariable String programmeId, @PathVariable String ballotId) {
        Map<String, Object> v = about(programmeId, null);
        v.put("pollId", ballotId);
        v.put("kind", "ballot");
        return page("voting", request, v);
    }

    @Access(Rule.READ)
    @GetMapping("/app/programmes/{programmeId}/thread")
    public ResponseEntity<String> thread(HttpServletRequest request, @PathVariable String programmeId) {
        return page("thread", request, about(programmeId, null));
    }

    @Access(Rule.READ)
    @GetMapping("/app/programmes/{programmeId}/collect")
    public ResponseEntity<String> collect(HttpServletRequest request, @PathVariable String programmeId) {
        return page("collect", request, about(programmeId, null));
    }

    @Access(Rule.READ)
    @GetMapping("/app/programmes/{programmeId}/boards/{category}/cards")
    public ResponseEntity<String> cards(
            HttpServletRequest request, @PathVariable String programmeId, @PathVariable String category) {
        return page("cards", request, about(programmeId, Category.parse("category", category)));
    }

    @Access(Rule.READ)
    @GetMapping("/app/programmes/{programmeId}/themes/{themeId}")
    public ResponseEntity<String> work(
            HttpServletRequest request, @PathVariable String programmeId, @PathVariable String themeId) {
        Map<String, Object> v = about(programmeId, null);
        v.put("themeId", themeId);
        return page("work", request, v);
    }

    @Access(Rule.READ)
    @GetMapping("/app/programmes/{programmeId}/learn")
    public ResponseEntity<String> learn(HttpServletRequest request, @PathVariable String programmeId) {
        return page("learn", request, about(programmeId, null));
    }
}
