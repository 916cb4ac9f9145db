package org.waymark.screening.names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Names kept under the keys of their words ({@link NameKeys}), so that the entries a passenger may be are
 * found by the passenger's keys, not by comparing the passenger with every entry. An entry is kept under
 * the keys of its family name (of its given names when it has no family name); a passenger is looked up by
 * the keys of all their words, so given and family names swapped are found too. Safe for many readers
 * while one writer changes it.
 *
 * @param <T> what identifies an entry
 */
public final class NameIndex<T> {

    /** An entry that matches, with how well. */
    public record Found<T>(T id, NameScore match) {
    }

    private final Map<T, PreparedName> names = new HashMap<>();
    private final Map<String, Set<T>> idsByKey = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Keeps the entry's name, in place of the one it had. */
    public void put(T id, PersonName name) {
        PreparedName prepared = PreparedName.of(name);
        lock.writeLock().lock();
        try {
            removeLocked(id);
            names.put(id, prepared);
            for (String key : keys(indexed(prepared))) {
                idsByKey.computeIfAbsent(key, k -> new HashSet<>()).add(id);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void remove(T id) {
        lock.writeLock().lock();
        try {
            removeLocked(id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void clear() {
        lock.writeLock().lock();
        try {
            names.clear();
            idsByKey.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return names.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The entries that match the passenger's name, best first. */
    public List<Found<T>> find(PersonName passenger) {
        PreparedName query = PreparedName.of(passenger);
        List<Found<T>> found = new ArrayList<>();
        lock.readLock().lock();
        try {
            for (T id : candidatesLocked(query)) {
                Optional<NameScore> match = NameMatcher.match(query, names.get(id));
                match.ifPresent(m -> found.add(new Found<>(id, m)));
            }
        } finally {
            lock.readLock().unlock();
        }
        found.sort(Comparator.comparingDouble((Found<T> f) -> f.match().score()).reversed());
        return found;
    }

    /** The entries worth scoring for the passenger's name: those sharing a key with it. */
    Set<T> candidates(PersonName passenger) {
        PreparedName query = PreparedName.of(passenger);
        lock.readLock().lock();
        try {
            return candidatesLocked(query);
        } finally {
            lock.readLock().unlock();
        }
    }

    private Set<T> candidatesLocked(PreparedName query) {
        Set<T> candidates = new HashSet<>();
        List<NameWord> words = new ArrayList<>(query.family());
        words.addAll(query.given());
        for (String key : keys(words)) {
            Set<T> ids = idsByKey.get(key);
            if (ids != null) {
                candidates.addAll(ids);
            }
        }
        return candidates;
    }

    private void removeLocked(T id) {
        PreparedName old = names.remove(id);
        if (old == null) {
            return;
        }
        for (String key : keys(indexed(old))) {
            Set<T> ids = idsByKey.get(key);
            if (ids != null) {
                ids.remove(id);
                if (ids.isEmpty()) {
                    idsByKey.remove(key);
                }
            }
        }
    }

    private static List<NameWord> indexed(PreparedName name) {
        return name.family().isEmpty() ? name.given() : name.family();
    }

    private static Set<String> keys(List<NameWord> words) {
        Set<String> keys = new HashSet<>();
        words.forEach(word -> keys.addAll(NameKeys.of(word)));
        return keys;
    }
}
