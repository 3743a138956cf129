package io.pagelens.api;

import io.pagelens.jobs.JobService;

/**
 * Routes contributed by a feature (captures, projects, later crawls and monitors): registers them on the router and
 * documents them with {@link Router#document} in their own OpenAPI fragment.
 */
@FunctionalInterface
public interface RouteGroup {
    void register(Router router, JobService jobs);
}
