package org.goldenthread.infra.wiring;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.goldenthread.command.collect.QualityCheck;
import org.goldenthread.command.understand.GuardRails;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.query.ballot.BallotProjection;
import org.goldenthread.query.learn.LearningProjection;
import org.goldenthread.query.programme.ProgrammeProjection;
import org.goldenthread.query.progress.ProgressProjection;
import org.goldenthread.query.progress.ThemeWorkProjection;
import org.goldenthread.query.theme.BoardProjection;
import org.goldenthread.query.thread.GoldenThreadProjection;
import org.goldenthread.query.vote.VotingProjection;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the framework-free pieces of command-side and query-side as beans: the quality
 * checkpoint's lexicon and the five whys' guard rails (both configurable) and the projections with
 * their read store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DomainWiring.QualityProperties.class, DomainWiring.UnderstandProperties.class})
public class DomainWiring {

    @ConfigurationProperties("goldenthread.quality")
    public record QualityProperties(List<String> professionalPhrases) {
        public QualityProperties {
            professionalPhrases = professionalPhrases == null ? List.of() : List.copyOf(professionalPhrases);
        }
    }

    @Bean
    QualityCheck qualityCheck(QualityProperties properties) {
        return properties.professionalPhrases().isEmpty()
                ? QualityCheck.withSeedLexicon()
                : new QualityCheck(properties.professionalPhrases());
    }

    @ConfigurationProperties("goldenthread.understand")
    public record UnderstandProperties(List<String> guardRailPhrases) {
        public UnderstandProperties {
            guardRailPhrases = guardRailPhrases == null ? List.of() : List.copyOf(guardRailPhrases);
        }
    }

    /**
     * The five whys' guard rails (causes blaming the budget or "the nature of things" are flagged); the method's
     * defaults when unset.
     */
    @Bean
    GuardRails guardRails(UnderstandProperties properties) {
        return properties.guardRailPhrases().isEmpty()
                ? GuardRails.withMethodDefaults()
                : new GuardRails(properties.guardRailPhrases());
    }

    @Bean
    org.goldenthread.query.programme.MembershipProjection membershipProjection(MongoDatabase readStore) {
        return new org.goldenthread.query.programme.MembershipProjection(readStore);
    }

    @Bean
    ProgrammeProjection programmeProjection(MongoDatabase readStore, PersonalDataVault vault) {
        return new ProgrammeProjection(readStore, vault);
    }

    @Bean
    BoardProjection boardProjection(MongoDatabase readStore, PersonalDataVault vault, QueryUpdateEmitter emitter) {
        return new BoardProjection(readStore, vault, emitter);
    }

    @Bean
    VotingProjection votingProjection(MongoDatabase readStore) {
        return new VotingProjection(readStore);
    }

    @Bean
    BallotProjection ballotProjection(MongoDatabase readStore) {
        return new BallotProjection(readStore);
    }

    @Bean
    GoldenThreadProjection goldenThreadProjection(MongoDatabase readStore, PersonalDataVault vault) {
        return new GoldenThreadProjection(readStore, vault);
    }

    @Bean
    ThemeWorkProjection themeWorkProjection(MongoDatabase readStore) {
        return new ThemeWorkProjection(readStore);
    }

    @Bean
    LearningProjection reviewProjection(MongoDatabase readStore) {
        return new LearningProjection(readStore);
    }

    @Bean
    ProgressProjection progressProjection(MongoDatabase readStore) {
        return new ProgressProjection(readStore);
    }

    // ---- the Do stage

    /**
     * What contracts and alignments ask of organisations and programmes, answered from the aggregates themselves
     * (their repositories, looked up when first asked: they exist once Axon has started).
     */
    @Bean
    org.goldenthread.command.contract.AggregateDirectory aggregateDirectory(
            org.axonframework.config.Configuration axon) {
        return new org.goldenthread.command.contract.AggregateDirectory(
                () -> axon.repository(org.goldenthread.command.organisation.Organisation.class),
                () -> axon.repository(org.goldenthread.command.programme.Programme.class));
    }

    @Bean
    org.goldenthread.query.organisation.OrganisationProjection organisationProjection(MongoDatabase readStore) {
        return new org.goldenthread.query.organisation.OrganisationProjection(readStore);
    }

    @Bean
    org.goldenthread.query.align.AlignmentProjection alignmentProjection(MongoDatabase readStore) {
        return new org.goldenthread.query.align.AlignmentProjection(readStore);
    }

    @Bean
    org.goldenthread.query.contract.ContractProjection contractProjection(MongoDatabase readStore) {
        return new org.goldenthread.query.contract.ContractProjection(readStore);
    }

    /** The analyst guide's worked example: registering a projection is this one bean. */
    @Bean
    org.goldenthread.query.analysis.ThemeSizesProjection themeSizesProjection(MongoDatabase readStore) {
        return new org.goldenthread.query.analysis.ThemeSizesProjection(readStore);
    }

    @Bean
    org.goldenthread.query.audit.AuditTimelineProjection auditTimelineProjection(MongoDatabase readStore) {
        return new org.goldenthread.query.audit.AuditTimelineProjection(readStore);
    }
}
