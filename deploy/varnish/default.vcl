vcl 4.1;
# Varnish 7.1 (Debian: apt-get install varnish varnish-modules) in front of Roadmap Tracker
# instances. See docs/deployment.md and docs/decisions/0013-one-truth-for-freshness.md.
#
#  - caches public answers, which carry Surrogate-Key (the keys they depend on) and
#    Surrogate-Control (how long a CDN may keep them; every publish purges what it touched);
#  - purges by key (xkey, from varnish-modules) when the app's outbox worker POSTs to /.purge with
#    the keys in Surrogate-Key (CDN_PURGE_URL=http://<varnish>/.purge), from the addresses in
#    the purgers ACL only;
#  - serves a stale copy for up to a day when every backend is failing (grace);
#  - never caches editor or signed-in answers: /editor, /api/auth, anything with a session
#    cookie, anything that sets a cookie, and every method but GET and HEAD.
#
# Backends: set them to your app instances (the test:scale harness writes its own copy with
# its ports). TRUSTED_PROXIES on the instances must include this Varnish's address, so they
# believe its X-Forwarded-For and X-Forwarded-Proto.

import std;
import directors;
import xkey;

backend app1 { .host = "127.0.0.1"; .port = "3000"; .probe = { .url = "/api/health"; .interval = 2s; .timeout = 1s; .window = 3; .threshold = 2; } }

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new instances = directors.round_robin();
    instances.add_backend(app1);
}

sub vcl_recv {
    set req.backend_hint = instances.backend();
    # A purged (soft-purged) copy is served only while the backends are failing: when they are
    # healthy the reader waits for the fresh answer, never the old one.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 0s;
    }

    if (req.url == "/.purge") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.method != "POST" && req.method != "PURGE") {
            return (synth(405, "Method Not Allowed"));
        }
        if (!req.http.Surrogate-Key) {
            return (synth(400, "No Surrogate-Key"));
        }
        # Soft purge: marked stale (served only under grace while the backend is down), refetched next.
        set req.http.n-gone = xkey.softpurge(req.http.Surrogate-Key);
        return (synth(200, "Purged " + req.http.n-gone));
    }

    # Who the client is, for the app's throttling and audit log (the app trusts it only from TRUSTED_PROXIES).
    # X-Forwarded-Host is never sent on: absolute links come from SITE_URL (or the Host), never from a header a client chose.
    unset req.http.X-Forwarded-Host;

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/editor" || req.url ~ "^/api/auth" || req.url ~ "^/api/health") {
        return (pass);
    }
    # Signed in (next-auth's and our session cookies): never from the cache.
    if (req.http.Cookie ~ "next-auth\.") {
        return (pass);
    }
    # Public answers do not depend on cookies: drop them so they cannot split the cache.
    unset req.http.Cookie;
    # Only gzip or identity matter (the app's Vary: Accept-Encoding).
    if (req.http.Accept-Encoding ~ "gzip") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    return (hash);
}

sub vcl_backend_response {
    # Never keep what sets a cookie or says it is private.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "private|no-store") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (beresp.http.Surrogate-Control ~ "max-age=[0-9]+") {
        set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control, ".*max-age=([0-9]+).*", "\1") + "s", 60s);
    }
    # Stale for a day if the backends fail (the app's stale-if-error).
    set beresp.grace = 24h;
    # xkey indexes the object by the keys in xkey (space-separated): the app's Surrogate-Key.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    unset beresp.http.Surrogate-Control;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
