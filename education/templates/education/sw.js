{% autoescape off %}/* Offline copies of the reading pages (rendered by education/offline.py; see its docstring).
   Stores only GET answers for CONFIG.pages and static files; never a tool answer, never a POST
   answer, never a no-store or private answer. */
"use strict";
const CONFIG = {{ config }};
// The offline pages of each language: /es/... addresses get the Spanish ones.
const OFFLINE_PAGES = [CONFIG.offline, CONFIG.offlineTools].concat(
  CONFIG.languages.flatMap(function (language) { return [language.offline, language.offlineTools]; }));
const KEEP = new Set(CONFIG.pages.concat(OFFLINE_PAGES));
const NETWORK_WAIT_MS = 4000; // a weak signal: show the kept copy rather than wait longer
const HASHED = /\.[0-9a-f]{12}\.[a-z0-9]+$/; // whitenoise's names for files that never change

function storable(response) {
  const control = response.headers.get("Cache-Control") || "";
  return response.ok && response.type === "basic" && !/no-store|private/.test(control);
}

function fetchAndKeep(url, mode) {
  // Pages are fetched afresh; static files may come from the browser's HTTP cache.
  return fetch(new Request(url, { cache: mode })).then(function (response) {
    if (!storable(response)) { throw new Error("not kept: " + url); }
    return caches.open(CONFIG.cache).then(function (cache) { return cache.put(url, response); });
  });
}

self.addEventListener("install", function (event) {
  // The offline pages must be kept; a page that fails now is kept on its next visit.
  const page = function (url) { return fetchAndKeep(url, "no-cache"); };
  const required = OFFLINE_PAGES.map(page);
  const pages = CONFIG.pages.map(page);
  const assets = CONFIG.assets.map(function (url) { return fetchAndKeep(url, "default"); });
  const optional = pages.concat(assets).map(function (kept) {
    return kept.catch(function () { return null; });
  });
  event.waitUntil(Promise.all(required.concat(optional)).then(function () {
    return self.skipWaiting();
  }));
});

async function carryOver(cache, oldName) {
  // Keep an older copy of a page this version could not fetch, rather than lose it.
  const old = await caches.open(oldName);
  for (const request of await old.keys()) {
    const path = new URL(request.url).pathname;
    const wanted = KEEP.has(path) || path.startsWith(CONFIG.static);
    if (wanted && !(await cache.match(request))) {
      await cache.put(request, await old.match(request));
    }
  }
}

self.addEventListener("activate", function (event) {
  event.waitUntil((async function () {
    const cache = await caches.open(CONFIG.cache);
    for (const name of await caches.keys()) {
      if (name !== CONFIG.cache && name.startsWith(CONFIG.prefix)) {
        await carryOver(cache, name);
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

function isTool(path) {
  return CONFIG.tools.some(function (prefix) { return path.startsWith(prefix); });
}

function offlinePage(path, tools) {
  // The "you are offline" (or, for a tool, "this needs a connection") page in path's language.
  const language = CONFIG.languages.find(function (l) { return path.startsWith(l.prefix); });
  const pages = language || CONFIG;
  return tools ? pages.offlineTools : pages.offline;
}

function kept(path) {
  return caches.open(CONFIG.cache).then(function (cache) { return cache.match(path); });
}

function slow(ms) {
  return new Promise(function (resolve, reject) {
    setTimeout(function () { reject(new Error("slow network")); }, ms);
  });
}

async function pageFirstFromNetwork(event, path) {
  const request = event.request;
  const network = fetch(request).then(function (response) {
    if (request.method === "GET" && KEEP.has(path) && storable(response)) {
      const copy = response.clone();
      event.waitUntil(caches.open(CONFIG.cache).then(function (cache) {
        return cache.put(path, copy);
      }));
    }
    return response;
  });
  network.catch(function () {}); // handled below; a kept copy may answer first
  try {
    return await Promise.race([network, slow(NETWORK_WAIT_MS)]);
  } catch (error) {
    const copy = KEEP.has(path) ? await kept(path) : undefined;
    if (copy) { return copy; }
    try {
      return await network;
    } catch (offline) {
      return (await kept(offlinePage(path, false))) || Response.error();
    }
  }
}

async function sentOrOffline(event, tools) {
  // Straight to the network; nothing is stored. Offline, the notice says why it failed.
  try {
    return await fetch(event.request);
  } catch (offline) {
    const path = new URL(event.request.url).pathname;
    return (await kept(offlinePage(path, tools))) || Response.error();
  }
}

async function staticFile(event) {
  const request = event.request;
  const copy = await kept(request.url);
  const fresh = fetch(request).then(async function (response) {
    if (storable(response)) {
      const cache = await caches.open(CONFIG.cache);
      await cache.put(request.url, response.clone());
    }
    return response;
  });
  if (copy) {
    // Hashed names never change; other files are refreshed for next time.
    if (!HASHED.test(new URL(request.url).pathname)) { event.waitUntil(fresh.catch(function () {})); }
    return copy;
  }
  return fresh;
}

self.addEventListener("fetch", function (event) {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin) { return; }
  if (CONFIG.ignore.some(function (prefix) { return url.pathname.startsWith(prefix); })) { return; }
  if (isTool(url.pathname)) {
    if (event.request.mode === "navigate") { event.respondWith(sentOrOffline(event, true)); }
    return;
  }
  if (event.request.method !== "GET") {
    // A form sent offline (page feedback) gets the offline page; nothing is stored.
    if (event.request.mode === "navigate") { event.respondWith(sentOrOffline(event, false)); }
    return;
  }
  if (url.pathname.startsWith(CONFIG.static)) {
    event.respondWith(staticFile(event));
  } else if (event.request.mode === "navigate" || KEEP.has(url.pathname)) {
    event.respondWith(pageFirstFromNetwork(event, url.pathname));
  }
});
{% endautoescape %}
