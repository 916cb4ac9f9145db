package org.waymark.screening.links.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.waymark.screening.links.LinkGroup;
import org.waymark.screening.links.LinkKind;

/**
 * A group drawn as a small diagram: its bookings on a circle, each line between two of them
 * labelled with what they share. Laid out here, drawn by the page as SVG; the list beside it
 * says the same in words.
 *
 * @param nodes each booking, with how many people are on it
 * @param edges each pair of bookings linked, with every kind of link between them
 */
public record LinkDiagram(int width, int height, List<Node> nodes, List<Edge> edges) {

    /** The most bookings drawn: a larger group is too crowded to read, and its list says it all. */
    static final int MOST_BOOKINGS = 16;

    public record Node(String locator, int people, int x, int y) {
    }

    public record Edge(int x1, int y1, int x2, int y2, int labelX, int labelY, List<LinkKind> kinds) {
    }

    /** The diagram of the group; null for one of more than {@link #MOST_BOOKINGS} bookings. */
    static LinkDiagram of(LinkGroup group) {
        int count = group.bookings().size();
        if (count > MOST_BOOKINGS) {
            return null;
        }
        int radius = count <= 2 ? 110 : Math.max(110, count * 22);
        int margin = 80;
        int size = 2 * (radius + margin);
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String locator = group.bookings().get(i);
            // The first at the left, then clockwise; two bookings side by side.
            double angle = Math.PI + 2 * Math.PI * i / count;
            int people = (int) group.members().stream().filter(member -> member.locator().equals(locator))
                    .map(LinkGroup.Member::personKey).distinct().count();
            nodes.put(locator, new Node(locator, people, (int) Math.round(size / 2.0 + radius * Math.cos(angle)),
                    (int) Math.round(size / 2.0 + radius * Math.sin(angle))));
        }
        Map<String, Set<LinkKind>> pairs = new LinkedHashMap<>();
        Map<String, Node[]> ends = new HashMap<>();
        for (LinkGroup.Link link : group.links()) {
            String pair = link.a() + " " + link.b();
            pairs.computeIfAbsent(pair, key -> new LinkedHashSet<>()).add(link.kind());
            ends.put(pair, new Node[] { nodes.get(link.a()), nodes.get(link.b()) });
        }
        List<Edge> edges = new ArrayList<>();
        pairs.forEach((pair, kinds) -> {
            Node a = ends.get(pair)[0];
            Node b = ends.get(pair)[1];
            edges.add(new Edge(a.x(), a.y(), b.x(), b.y(), (a.x() + b.x()) / 2, (a.y() + b.y()) / 2 - 6,
                    List.copyOf(kinds)));
        });
        return new LinkDiagram(size, size, List.copyOf(nodes.values()), List.copyOf(edges));
    }

    /** Every kind of link drawn, in the order of {@link LinkKind}. */
    public Set<LinkKind> kinds() {
        Set<LinkKind> kinds = new LinkedHashSet<>();
        edges.forEach(edge -> kinds.addAll(edge.kinds()));
        return kinds;
    }
}
