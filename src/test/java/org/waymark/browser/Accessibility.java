package org.waymark.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

/** Runs axe-core on the page as it is now and fails on any serious or critical WCAG 2.2 AA violation. */
final class Accessibility {

    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private Accessibility() {
    }

    static void assertNoSeriousViolations(Page page) {
        // The whole page first: a check started as soon as its top was shown (an error summary) met a
        // checkbox whose label the browser had not yet read from the rest of the page.
        page.waitForLoadState(LoadState.LOAD);
        // Legacy mode runs axe in the page itself. The default mode also opens and closes a blank page
        // on every check to merge the results of iframes: Waymark's pages have none, and that blank
        // page costs seconds per check.
        AxeResults results = new AxeBuilder(page).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
        if (results.isErrored() || results.getPasses() == null || results.getPasses().isEmpty()) {
            fail("axe did not run on " + page.url() + ": " + results.getErrorMessage());
        }
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> rule.getImpact() != null && BLOCKING.contains(rule.getImpact()))
                .toList();
        if (!blocking.isEmpty()) {
            fail("axe found " + blocking.size() + " serious or critical accessibility violation(s) on "
                    + page.url() + " (\"" + page.title() + "\"):\n"
                    + blocking.stream().map(Accessibility::describe).collect(Collectors.joining("\n")));
        }
    }

    private static String describe(Rule rule) {
        String nodes = rule.getNodes().stream().map(Accessibility::describe).collect(Collectors.joining("\n"));
        return "- " + rule.getId() + " [" + rule.getImpact() + "]: " + rule.getHelp() + " (" + rule.getHelpUrl()
                + ")\n" + nodes;
    }

    private static String describe(CheckedNode node) {
        String summary = node.getFailureSummary() == null ? "" : node.getFailureSummary().replace('\n', ' ');
        return "    at " + node.getTarget() + "  " + node.getHtml() + "\n      " + summary;
    }
}
