package org.waymark.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's mapping of requests to controller methods, which checks the path first.
 *
 * <p>For a path with a variable, such as an operation's tallies, Spring MVC tries every mapping
 * in turn and checks the path last, after the method (asked of each request wrapper in turn),
 * the parameters and the headers. With some two hundred pages and endpoints that cost a quarter
 * of the CPU a tally takes. Here the request's path picks, once per request, the few mappings it
 * can match: plain patterns (literal segments and whole-segment variables) are filed by their
 * number of segments and their last segment (or as ending in a variable), and only those filed
 * where the path would be are tried, with Spring's own matching. A mapping none of whose
 * patterns matches the path is turned down at once; the others, and any mapping with another
 * kind of pattern, go through Spring's full check. So the controller chosen, the 404s and the
 * 405s are Spring's.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    private static final Pattern LITERAL = Pattern.compile("[^{}*?;%\\\\]+");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\w+}");
    private static final String ANY_LAST = "{}";

    private record Filed(PathPattern pattern, RequestMappingInfo info) {
    }

    /** Mappings whose every pattern is plain, and where those patterns are filed. */
    private volatile Set<RequestMappingInfo> filedInfos = Set.of();
    private volatile Map<String, List<Filed>> filed = Map.of();
    /** The mappings whose path matches the request's, while its controller method is looked up. */
    private final ThreadLocal<Set<RequestMappingInfo>> matchingPath = new ThreadLocal<>();

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        if (getPatternParser() == null || !getPatternParser().isCaseSensitive()) {
            return; // the literal segments below are compared as they are written
        }
        Set<RequestMappingInfo> infos = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, List<Filed>> byKey = new HashMap<>();
        for (RequestMappingInfo info : handlerMethods.keySet()) {
            PathPatternsRequestCondition condition = info.getPathPatternsCondition();
            if (condition == null || !condition.getPatterns().stream().allMatch(p -> key(p) != null)) {
                continue; // Spring's full check, always
            }
            infos.add(info);
            for (PathPattern pattern : condition.getPatterns()) {
                byKey.computeIfAbsent(key(pattern), k -> new ArrayList<>()).add(new Filed(pattern, info));
            }
        }
        filed = byKey;
        filedInfos = infos;
    }

    /**
     * Where a plain pattern is filed: its number of segments and its last segment, or
     * {@link #ANY_LAST} when that is a variable; null for any other pattern.
     */
    private static String key(PathPattern pattern) {
        String text = pattern.getPatternString();
        if (text.equals("/")) {
            return "0";
        }
        if (!text.startsWith("/")) {
            return null;
        }
        String[] segments = text.substring(1).split("/", -1);
        for (String segment : segments) {
            if (!LITERAL.matcher(segment).matches() && !VARIABLE.matcher(segment).matches()) {
                return null;
            }
        }
        String last = segments[segments.length - 1];
        return segments.length + " " + (last.startsWith("{") ? ANY_LAST : last);
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        matchingPath.set(matchingPath(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            matchingPath.remove();
        }
    }

    /**
     * A plain pattern matches a path only with as many segments and, unless it ends in a
     * variable, the same last one, compared as Spring does (decoded, without parameters).
     */
    private Set<RequestMappingInfo> matchingPath(PathContainer path) {
        String last = null;
        int segments = 0;
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                segments++;
                last = segment.valueToMatch();
            }
        }
        Set<RequestMappingInfo> matching = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, List<Filed>> byKey = filed;
        List<String> keys = segments == 0 ? List.of("0") : List.of(segments + " " + last, segments + " " + ANY_LAST);
        for (String key : keys) {
            for (Filed f : byKey.getOrDefault(key, List.of())) {
                if (f.pattern().matches(path)) {
                    matching.add(f.info());
                }
            }
        }
        return matching;
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        Set<RequestMappingInfo> matching = matchingPath.get();
        if (matching != null && !matching.contains(info) && filedInfos.contains(info)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }
}
