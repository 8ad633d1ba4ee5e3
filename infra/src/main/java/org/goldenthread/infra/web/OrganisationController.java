package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Identity;
import org.goldenthread.infra.security.PartyAccess;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.organisation.*;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Do stage's parties: commissioning and provider organisations (registered by an admin) and the users who act for
 * them. Every organisation is listed to commissioners and providers (a commissioner drafts a contract naming a
 * provider), but who acts for an organisation only to its own users, admins and auditors.
 */
@RestController
@RequestMapping("/api/organisations")
@Tag(name = "Organisations")
public class OrganisationController {

    public record RegisterRequest(String name, String kind) {}

    public record UserRequest(String reason) {}

    public record Registered(String organisationId) {}

    private final Acts acts;
    private final PartyAccess parties;

    public OrganisationController(Acts acts, PartyAccess parties) {
        this.acts = acts;
        this.parties = parties;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.ORGANISE)
    @PostMapping
    @Operation(summary = "Register a COMMISSIONING or PROVIDER organisation")
    public ResponseEntity<Registered> register(@RequestBody RegisterRequest request) {
        Acts.body(request);
        String id = Acts.newId();
        acts.send(new RegisterOrganisation(
                id, request.name(), Acts.parse(OrganisationKind.class, "kind", request.kind())));
        return ResponseEntity.created(URI.create("/api/organisations/" + id)).body(new Registered(id));
    }

    @Access(Rule.PARTIES)
    @GetMapping
    @Operation(summary = "Every organisation (its users shown to its own users, admins and auditors)")
    public List<OrganisationView> list() {
        Identity user = Identity.current().orElseThrow();
        Set<String> mine = parties.organisationsOf(user);
        return acts.askMany(new FindOrganisations(null), OrganisationView.class).stream()
                .map(o -> shown(o, user, mine))
                .toList();
    }

    @Access(Rule.PARTIES)
    @GetMapping("/{organisationId}")
    @Operation(summary = "One organisation (its users shown to its own users, admins and auditors)")
    public OrganisationView get(@PathVariable String organisationId) {
        Identity user = Identity.current().orElseThrow();
        OrganisationView o =
                acts.find(new FindOrganisation(organisationId), OrganisationView.class, "organisation", organisationId);
        return shown(o, user, parties.organisationsOf(user));
    }

    private static OrganisationView shown(OrganisationView o, Identity user, Set<String> mine) {
        return PartyAccess.seesAll(user) || mine.contains(o.organisationId())
                ? o
                : new OrganisationView(o.organisationId(), o.name(), o.kind(), List.of());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.ORGANISE)
    @PutMapping("/{organisationId}/users/{username}")
    @Operation(summary = "Say that a user acts for the organisation, with a reason")
    public ResponseEntity<Void> addUser(
            @PathVariable String organisationId, @PathVariable String username, @RequestBody UserRequest request) {
        Acts.body(request);
        acts.send(new AddOrganisationUser(organisationId, username, request.reason()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.ORGANISE)
    @DeleteMapping("/{organisationId}/users/{username}")
    @Operation(summary = "The user no longer acts for the organisation, with a reason")
    public ResponseEntity<Void> removeUser(
            @PathVariable String organisationId, @PathVariable String username, @RequestBody UserRequest request) {
        Acts.body(request);
        acts.send(new RemoveOrganisationUser(organisationId, username, request.reason()));
        return ResponseEntity.noContent().build();
    }
}
