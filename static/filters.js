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
      if (document.activeElement !== form.elements.q) form.elements.q.value = params.get("q") || "";
    }

    function load(url) {
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
          history.replaceState(null, "", url);
        })
        .catch(function (error) {
          if (error.name !== "AbortError") form.submit();
        })
        .finally(function () { results.removeAttribute("aria-busy"); });
    }

    function apply() { load(urlFor(paramsFromForm())); }

    form.addEventListener("change", function (event) {
      if (event.target.name !== "q") apply();
    });
    form.addEventListener("input", function (event) {
      if (event.target.name !== "q") return;
      clearTimeout(timer);
      timer = setTimeout(apply, 250);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      apply();
    });
    results.addEventListener("click", function (event) {
      var link = event.target.closest("a");
      if (!link || link.origin !== location.origin || link.pathname !== "/quotes") return;
      event.preventDefault();
      var params = new URLSearchParams(link.search);
      syncForm(params);
      load(urlFor(params));
    });
  }

  document.addEventListener("DOMContentLoaded", setupFilters);
})();
