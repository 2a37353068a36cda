// whosaid: apply the quote filters as they change, without a page load. The form works without this script.
(function () {
  "use strict";

  // Quote filters: apply as they change, without a page load, keeping the URL in step.
  function setupFilters() {
    var form = document.getElementById("filters");
    var results = document.getElementById("results");
    if (!form || !results) return;
    var pending = null;
    var timer = null;

    function urlFor(params) {
      var query = params.toString();
      return "/quotes" + (query ? "?" + query : "");
    }

    function paramsFromForm() {
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, name) {
        if (String(value).trim() !== "") params.append(name, String(value).trim());
      });
      return params;
    }

    function syncForm(params) {
      var speakers = params.getAll("speaker");
      form.querySelectorAll('input[name="speaker"]').forEach(function (box) {
        box.checked = speakers.indexOf(box.value) !== -1;
      });
      form.elements.kind.value = params.get("kind") || "";
      form.elements.theme.value = params.get("theme") || "";
      if (form.elements.article) form.elements.article.value = params.get("article") || "";
      form.elements.sort.value = params.get("sort") || "";
      if (document.activeElement !== form.elements.q) form.elements.q.value = params.get("q") || "";
    }

    // Each filter change or page turn is a history entry, so Back returns to the previous
    // filters; typing in the search box updates its entry instead of adding one per key.
    function load(url, how) {
      if (pending) pending.abort();
      pending = new AbortController();
      results.setAttribute("aria-busy", "true");
      fetch(url, { headers: { Accept: "text/html" }, signal: pending.signal })
        .then(function (response) { return response.text().then(function (html) { return [response, html]; }); })
        .then(function (pair) {
          var doc = new DOMParser().parseFromString(pair[1], "text/html");
          var fresh = doc.getElementById("results");
          if (fresh) {
            results.replaceChildren.apply(results, Array.prototype.slice.call(fresh.childNodes));
            document.title = doc.title;
          } else {
            var main = doc.querySelector("main");
            var message = main ? main.textContent.replace(/\s+/g, " ").trim() : "The filters could not be applied.";
            var p = document.createElement("p");
            p.className = "empty";
            p.textContent = message;
            results.replaceChildren(p);
          }
          var adds = how === "push" || how === "page";
          if (adds && url !== location.pathname + location.search) {
            history.pushState({ whosaid: true }, "", url);
          } else if (how !== "pop") {
            history.replaceState({ whosaid: true }, "", url);
          }
          if (how === "page") {
            var heading = document.getElementById("result-count");
            if (heading) {
              heading.scrollIntoView({ block: "start" });
              heading.focus({ preventScroll: true });
            }
          }
        })
        .catch(function (error) {
          if (error.name !== "AbortError") form.submit();
        })
        .finally(function () { results.removeAttribute("aria-busy"); });
    }

    var typing = false;
    function apply(how) { load(urlFor(paramsFromForm()), how); }

    form.addEventListener("change", function (event) {
      if (event.target.name !== "q") apply("push");
    });
    form.addEventListener("input", function (event) {
      if (event.target.name !== "q") return;
      clearTimeout(timer);
      // The first keystroke of a search starts a new entry; the rest refine it.
      var how = typing ? "replace" : "push";
      typing = true;
      timer = setTimeout(function () { apply(how); }, 250);
    });
    form.elements.q.addEventListener("blur", function () { typing = false; });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      typing = false;
      apply("push");
    });
    results.addEventListener("click", function (event) {
      var link = event.target.closest("a");
      if (!link || link.origin !== location.origin || link.pathname !== "/quotes") return;
      event.preventDefault();
      var params = new URLSearchParams(link.search);
      syncForm(params);
      var turnsPage = link.getAttribute("rel") === "next" || link.getAttribute("rel") === "prev";
      load(urlFor(params), turnsPage ? "page" : "push");
    });
    window.addEventListener("popstate", function () {
      var params = new URLSearchParams(location.search);
      syncForm(params);
      load(urlFor(params), "pop");
    });
  }

  // On a phone the filters fold away behind their "Filters" control, so the first results
  // show on the first screen; without this script they stay open.
  function foldFilters() {
    var fold = document.getElementById("filter-fold");
    if (fold && window.matchMedia("(max-width: 40rem)").matches) fold.open = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    foldFilters();
    setupFilters();
  });
})();
