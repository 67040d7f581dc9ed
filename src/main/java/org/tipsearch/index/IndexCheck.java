package org.tipsearch.index;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The integrity check of the index a server answers from, and what it found: a server answers searches while
 * the check is {@link State#VERIFYING verifying} or found the index {@link State#WHOLE whole}, and refuses
 * them once it found it {@link State#DAMAGED damaged}, rather than answer from damaged files.
 */
public final class IndexCheck {

    /** Where the check stands. */
    public enum State {
        VERIFYING, WHOLE, DAMAGED;

        /** The name the health answer gives: "verifying", "whole", "damaged". */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private volatile State state;
    private volatile String damage;

    private IndexCheck(State state) {
        this.state = state;
    }

    /** An index verified before the server started (or one a test built a moment ago). */
    public static IndexCheck whole() {
        return new IndexCheck(State.WHOLE);
    }

    /**
     * Starts verifying a large index in a background thread. When it finds damage, the index is marked (the
     * next start sets it aside and rebuilds it before serving) and {@code onDamage} is told what is damaged.
     */
    public static IndexCheck inBackground(Path indexDir, Consumer<String> onDamage) {
        var check = new IndexCheck(State.VERIFYING);
        Thread.ofPlatform().name("tipsearch-index-check").daemon().start(() -> {
            Optional<String> found;
            try {
                found = IndexIntegrity.damage(indexDir);
            } catch (RuntimeException e) { // could not read it through (no damage found): say so, go on answering
                check.state = State.WHOLE;
                System.err.println("tipsearch: the index could not be verified: " + e.getMessage());
                return;
            }
            if (found.isEmpty()) {
                check.state = State.WHOLE;
                return;
            }
            check.damage = found.get();
            check.state = State.DAMAGED;
            try {
                IndexIntegrity.markDamaged(indexDir, found.get());
            } finally {
                onDamage.accept(found.get());
            }
        });
        return check;
    }

    public State state() {
        return state;
    }

    /** What the check found damaged, or empty. */
    public Optional<String> damage() {
        return Optional.ofNullable(damage);
    }
}
