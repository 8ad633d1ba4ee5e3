package org.goldenthread.command.contract;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.goldenthread.command.organisation.Organisation;
import org.goldenthread.command.organisation.Parties;
import org.goldenthread.command.programme.Programme;
import org.goldenthread.kernel.organisation.OrganisationKind;
import org.goldenthread.kernel.success.MeasureKind;

/**
 * Answers a contract's questions about organisations and programmes from the aggregates themselves (loaded through
 * their repositories inside the contract's unit of work), not from a read model that may lag behind: a measure
 * defined a moment ago is known, a user removed a moment ago no longer acts.
 */
public final class AggregateDirectory implements Parties, ProgrammeFacts {

    private final Supplier<Repository<Organisation>> organisations;
    private final Supplier<Repository<Programme>> programmes;

    public AggregateDirectory(
            Supplier<Repository<Organisation>> organisations, Supplier<Repository<Programme>> programmes) {
        this.organisations = organisations;
        this.programmes = programmes;
    }

    @Override
    public Optional<OrganisationKind> kind(String organisationId) {
        return read(organisations, organisationId, Organisation::kind);
    }

    @Override
    public boolean actsFor(String organisationId, String username) {
        return read(organisations, organisationId, o -> o.hasUser(username)).orElse(false);
    }

    @Override
    public boolean exists(String programmeId) {
        return read(programmes, programmeId, p -> true).orElse(false);
    }

    @Override
    public Optional<MeasureKind> measureKind(String programmeId, String measureId) {
        return read(programmes, programmeId, p -> p.measureKind(measureId)).flatMap(k -> k);
    }

    @Override
    public boolean hasStatement(String programmeId, String statementId) {
        return read(programmes, programmeId, p -> p.hasStatement(statementId)).orElse(false);
    }

    private static <A, R> Optional<R> read(Supplier<Repository<A>> repository, String id, Function<A, R> question) {
        try {
            return Optional.ofNullable(repository.get().load(id).invoke(question));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
