package org.goldenthread.query.theme;

import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.theme.BoardView;
import org.goldenthread.kernel.theme.FindBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live boards: emits the fresh board to matching {@link FindBoard} subscriptions, once per batch of events (when the
 * batch is committed), and only when someone is watching: a batch of 100 events on one board is one new board for
 * the screens, not 100, and a replay without screens builds no board at all.
 *
 * <p>Who is watching is asked when the batch has committed, not while its events are handled: a screen that
 * subscribes in between reads the board before the batch's writes reach the store, so it must get the board the
 * batch made (it may then get the same board twice, never miss one).
 */
final class BoardScreens {

    private static final Logger LOG = LoggerFactory.getLogger(BoardScreens.class);
    private static final String CHANGED = BoardScreens.class.getName() + ".changedBoards";

    private final QueryUpdateEmitter emitter;
    private final BoardAssembly assembly;

    BoardScreens(QueryUpdateEmitter emitter, BoardAssembly assembly) {
        this.emitter = emitter;
        this.assembly = assembly;
    }

    /** The board changed: its screens get it after the batch (at once outside a batch). */
    void changed(String programmeId, Category category) {
        if (emitter == null) {
            return;
        }
        FindBoard board = new FindBoard(programmeId, category);
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
            Set<FindBoard> changed = batch.getOrComputeResource(CHANGED, k -> {
                Set<FindBoard> boards = new LinkedHashSet<>();
                batch.afterCommit(u -> boards.forEach(this::emitQuietly));
                return boards;
            });
            changed.add(board);
        } else {
            emit(board);
        }
    }

    /**
     * After the batch is committed a failure cannot undo it: a screen misses one board (it is logged) and gets the
     * next.
     */
    private void emitQuietly(FindBoard board) {
        try {
            emit(board);
        } catch (RuntimeException e) {
            LOG.warn("could not send the new board {} to its screens: {}", board, e.toString());
        }
    }

    private void emit(FindBoard board) {
        String programmeId = board.programmeId();
        Category category = board.category();
        if (!watched(programmeId, category)) {
            return;
        }
        BoardView view = assembly.board(programmeId, category);
        if (view != null) {
            emitter.emit(FindBoard.class, q -> q.programmeId().equals(programmeId) && q.category() == category, view);
        }
    }

    private boolean watched(String programmeId, Category category) {
        for (SubscriptionQueryMessage<?, ?, ?> m : emitter.activeSubscriptions()) {
            if (m.getPayload() instanceof FindBoard q
                    && programmeId.equals(q.programmeId())
                    && q.category() == category) {
                return true;
            }
        }
        return false;
    }
}
