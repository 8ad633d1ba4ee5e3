package org.goldenthread.query.analysis;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.codecs.pojo.annotations.BsonId;
import org.goldenthread.kernel.analysis.FindThemeSizes;
import org.goldenthread.kernel.analysis.ThemeSize;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.vote.ThemeAtOpening;
import org.goldenthread.kernel.vote.VotingOpened;
import org.goldenthread.query.readstore.DocumentCollection;
import org.goldenthread.query.readstore.ReadModelVersion;
import org.goldenthread.query.readstore.ScopedId;

/**
 * The analyst guide's worked example, a whole projection in one class: how many statements each theme held when each
 * vote opened, cycle by cycle. Registered as a bean ({@code DomainWiring}); being a processing group of its own with
 * no token yet, it is backfilled from the first event when the service starts, then follows new events.
 *
 * <p>Collections {@code analysis_theme_sizes} ({@code {_id: programmeId|votingId|themeId, …}}) and
 * {@code analysis_cycles} (each programme's current cycle). Idempotent: every document is computed whole from its
 * event, so an event handled twice writes the same document.
 */
@ReadModelVersion(1)
@ProcessingGroup(ThemeSizesProjection.PROCESSING_GROUP)
public class ThemeSizesProjection {

    public static final String PROCESSING_GROUP = "analysis-theme-sizes";

    public record Size(
            @BsonId String id,
            String programmeId,
            Integer cycle,
            String votingId,
            String themeId,
            String title,
            Integer statements) {}

    public record Cycle(@BsonId String id, Integer cycle) {}

    private final DocumentCollection<Size> sizes;
    private final DocumentCollection<Cycle> cycles;

    public ThemeSizesProjection(MongoDatabase database) {
        sizes = new DocumentCollection<>(database, "analysis_theme_sizes", Size.class, Size::id);
        cycles = new DocumentCollection<>(database, "analysis_cycles", Cycle.class, Cycle::id);
        sizes.collection().createIndex(Indexes.ascending("programmeId"));
    }

    @ResetHandler
    public void reset() {
        sizes.drop();
        cycles.drop();
        sizes.collection().createIndex(Indexes.ascending("programmeId"));
    }

    @EventHandler
    public void on(CycleStarted e) {
        cycles.put(new Cycle(e.programmeId(), e.cycle()));
    }

    @EventHandler
    public void on(VotingOpened e) {
        int cycle = cycles.find(e.programmeId()).map(Cycle::cycle).orElse(1);
        for (ThemeAtOpening t : e.themes()) {
            sizes.put(new Size(
                    ScopedId.of(e.programmeId(), e.votingId(), t.themeId()),
                    e.programmeId(),
                    cycle,
                    e.votingId(),
                    t.themeId(),
                    t.title(),
                    t.statementIds().size()));
        }
    }

    @QueryHandler
    public List<ThemeSize> handle(FindThemeSizes query) {
        List<ThemeSize> out = new ArrayList<>();
        for (Size s : sizes.collection().find(Filters.eq("programmeId", query.programmeId()))) {
            out.add(new ThemeSize(s.cycle(), s.votingId(), s.themeId(), s.title(), s.statements()));
        }
        out.sort(Comparator.comparingInt(ThemeSize::cycle)
                .thenComparing(ThemeSize::votingId)
                .thenComparing(Comparator.comparingInt(ThemeSize::statements).reversed())
                .thenComparing(ThemeSize::themeId));
        return out;
    }
}
