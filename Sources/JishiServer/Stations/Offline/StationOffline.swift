import Crypto
import Foundation
import JishiKit
import Plot
import Vapor

/// Working on a bad network: the agent's pages register a small service worker
/// (`workerScript`, served at `/stations/offline-worker.js`, scope `/stations/`) that keeps the
/// pages readable offline and queues the forms sent while offline, replaying them in order when
/// the network is back. Every counter form carries an idempotency key, so a replay never does
/// anything twice. The pages show how many sends are still queued.
///
/// Written by hand: no library is allowed on the pages (no external assets), and the worker is
/// a few dozen lines over the browser's own Cache and IndexedDB.
enum StationOffline {
    /// Where the worker is served; its folder is its scope.
    static let workerPath = "/stations/offline-worker.js"

    /// The page script: registers the worker, asks it how many sends wait, shows the count,
    /// and asks for a replay when the browser says it is online again.
    static let pageScript = """
        (function(){if(!("serviceWorker" in navigator))return;var sw=navigator.serviceWorker;\
        sw.register("\(workerPath)",{scope:"/stations/"}).catch(function(){});\
        var box=document.getElementById("offline-queue");\
        sw.addEventListener("message",function(e){var n=(e.data&&e.data.queued)||0;\
        if(box){box.hidden=n===0;box.textContent=box.getAttribute("data-text").replace("{0}",String(n));}});\
        function say(m){if(sw.controller)sw.controller.postMessage(m);}\
        window.addEventListener("online",function(){say("replay");});\
        sw.ready.then(function(){say(navigator.onLine?"replay":"status");});})();
        """

    static let pageScriptHash = "sha256-" + Data(SHA256.hash(data: Data(pageScript.utf8))).base64EncodedString()

    /// The station pages' policy: our stylesheet, this one inline script (by hash), the worker
    /// from our own origin, and nothing else.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; "
        + "script-src '\(pageScriptHash)'; worker-src 'self'; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// The queue's line (hidden while nothing waits) and the script, for a station page's main.
    static func nodes(_ context: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .p(
                .class("alert"), .id("offline-queue"), .attribute(named: "role", value: "status"),
                .attribute(named: "hidden", value: ""),
                .escaped("data-text", context.text(.stationOfflineQueued))),
            .element(named: "script", nodes: [.raw(pageScript)]))
    }

    /// A station page's response: as every page's, with the policy that lets its script run.
    static func response(_ html: HTML, status: HTTPResponseStatus = .ok, session: WebSession) -> Response {
        let response = WebPage.response(html, status: status, session: session)
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: contentSecurityPolicy)
        return response
    }

    /// Serves the worker: never cached by the HTTP cache, so a new version is picked up.
    @Sendable static func worker(_ request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: workerScript))
        response.headers.replaceOrAdd(name: .contentType, value: "text/javascript; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }

    /// The worker. Pages under `/stations/`: from the network, kept in the cache; offline, from
    /// the cache, with every form's idempotency key made new, its last eight characters drawn
    /// afresh and its length kept (so two sends from one cached page are two operations, while
    /// the same send twice stays one). Forms posted offline: kept in
    /// IndexedDB with their bodies and answered with a page that says so; replayed in order
    /// after any page loads from the network and when the page says it is online.
    static let workerScript = """
        "use strict";
        const CACHE = "jishi-stations-1";
        const STYLE = "\(Layout.stylesheetPath)";
        function store(mode, work) {
          return new Promise((resolve, reject) => {
            const open = indexedDB.open("jishi-offline", 1);
            open.onupgradeneeded = () => open.result.createObjectStore("queue", {keyPath: "id", autoIncrement: true});
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction("queue", mode);
              const request = work(tx.objectStore("queue"));
              tx.oncomplete = () => resolve(request ? request.result : undefined);
              tx.onerror = () => reject(tx.error);
            };
          });
        }
        const queued = () => store("readonly", (s) => s.getAll());
        async function tell() {
          const count = (await queued()).length;
          for (const client of await self.clients.matchAll()) client.postMessage({queued: count});
        }
        let replaying = null;
        function replay() {
          if (replaying) return replaying;
          replaying = (async () => {
            for (const item of await queued()) {
              try {
                await fetch(item.url, {method: "POST", body: item.body, credentials: "same-origin", redirect: "manual",
                  headers: {"Content-Type": item.type}});
              } catch (offline) { break; }
              await store("readwrite", (s) => s.delete(item.id));
            }
          })().finally(() => { replaying = null; return tell(); });
          return replaying;
        }
        const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        function salt() {
          return Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => ALPHABET[byte & 63]).join("");
        }
        function fresh(html) {
          return html.replace(/(name="key"[^>]*value=")([^"]{8,})"/g,
            (all, head, key) => head + key.slice(0, key.length - 8) + salt() + '"');
        }
        function page(lang, title, body) {
          return new Response("<!doctype html><html lang=\\"" + lang + "\\"><head><meta charset=\\"utf-8\\">" +
            "<meta name=\\"viewport\\" content=\\"width=device-width, initial-scale=1\\"><title>" + title + "</title>" +
            "<link rel=\\"stylesheet\\" href=\\"" + STYLE + "\\"></head><body><main>" + body + "</main></body></html>",
            {headers: {"Content-Type": "text/html; charset=utf-8",
              "Content-Security-Policy": "default-src 'none'; style-src 'self'; form-action 'self'"}});
        }
        self.addEventListener("install", () => self.skipWaiting());
        self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
        self.addEventListener("message", (event) => { event.waitUntil(event.data === "replay" ? replay() : tell()); });
        self.addEventListener("fetch", (event) => {
          const request = event.request;
          const url = new URL(request.url);
          if (url.origin !== self.location.origin || !url.pathname.startsWith("/stations/")) return;
          if (request.method === "POST") {
            event.respondWith((async () => {
              const body = await request.clone().text();
              try {
                const answer = await fetch(request);
                event.waitUntil(replay());
                return answer;
              } catch (offline) {
                await store("readwrite", (s) => s.add({url: request.url, body: body, at: Date.now(),
                  type: request.headers.get("Content-Type") || "application/x-www-form-urlencoded"}));
                event.waitUntil(tell());
                const back = request.referrer || "/stations";
                return page("zh-Hans", "已保存 · Saved",
                  "<p class=\\"notice\\" id=\\"offline-saved\\" role=\\"status\\">没有网络：已保存在手机上，联网后自动发送，不会重复。" +
                  "<br>No network: saved on this phone; it is sent once when the network is back.</p>" +
                  "<p><a class=\\"button\\" id=\\"offline-back\\" href=\\"" + back.replace(/"/g, "") + "\\">返回 · Back</a></p>");
              }
            })());
            return;
          }
          if (request.method === "GET" && request.mode === "navigate") {
            event.respondWith((async () => {
              try {
                const answer = await fetch(request);
                if (answer.ok) {
                  const copy = answer.clone();
                  event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
                }
                event.waitUntil(replay());
                return answer;
              } catch (offline) {
                const hit = (await caches.match(request)) || (await caches.match(url.pathname));
                if (!hit) return page("zh-Hans", "没有网络 · Offline",
                  "<p class=\\"alert\\" role=\\"alert\\">没有网络，这一页还没存过。No network, and this page was never saved.</p>");
                const headers = new Headers(hit.headers);
                return new Response(fresh(await hit.text()), {status: hit.status, headers: headers});
              }
            })());
          }
        });
        """
}
