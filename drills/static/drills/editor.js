/*
 * The drill scenario editor in Wagtail's admin. Two small helps; the server still checks
 * the whole graph on every save (drills.graph), so nothing here is needed for correctness.
 *
 * 1. "Next node" pickers (drills.widgets.NodeKeySelect): a <select> of the node keys in the
 *    form as it stands. The value saved is the key, as before. A key that no node has (yet)
 *    stays selected and is marked, so the server's error about it still makes sense; renaming
 *    a node's key moves the choices that pointed at the old key along with it.
 * 2. Node blocks (data-controller="drill-node"): an end node (outcome set) with no choices
 *    and no timer hides the choice list and the timer fields, which end nodes cannot have.
 */
(() => {
  const MISSING = " (no such node)";

  // "graph-3-value-choices-0-value-next" -> "graph": the stream the select belongs to.
  function streamOf(name) {
    const found = /^(.*?)-\d+-value-/.exec(name || "");
    return found ? found[1] : null;
  }

  function isDeleted(form, stream, index) {
    const deleted = form && form.elements.namedItem(`${stream}-${index}-deleted`);
    return Boolean(deleted && deleted.value === "1");
  }

  // The stream's nodes in editor order: [{key, title}], each key once, empty keys left out.
  function nodesOf(select) {
    const stream = streamOf(select.name);
    const form = select.form;
    if (!stream || !form) return [];
    const pattern = new RegExp(`^${stream}-(\\d+)-value-key$`);
    const seen = new Set();
    const nodes = [];
    for (const input of form.querySelectorAll(`input[name$="-value-key"]`)) {
      const match = pattern.exec(input.name);
      if (!match || isDeleted(form, stream, match[1])) continue;
      const key = input.value.trim();
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const title = form.elements.namedItem(`${stream}-${match[1]}-value-title`);
      nodes.push({ key, title: title ? title.value.trim() : "" });
    }
    return nodes;
  }

  function label(node) {
    return node.title ? `${node.title} (${node.key})` : node.key;
  }

  // Rebuild the options after the first (empty) one, keeping `key` selected.
  function fill(select, key) {
    const wanted = nodesOf(select).map((node) => [node.key, label(node)]);
    if (key && !wanted.some(([value]) => value === key)) wanted.push([key, key + MISSING]);
    const current = Array.from(select.options)
      .slice(1)
      .map((option) => [option.value, option.text]);
    if (JSON.stringify(current) !== JSON.stringify(wanted)) {
      while (select.options.length > 1) select.remove(1);
      for (const [value, text] of wanted) select.add(new Option(text, value));
    }
    select.value = key || "";
  }

  function refreshAll(form) {
    if (!form) return;
    for (const select of form.querySelectorAll("select[data-drill-node-key]")) {
      fill(select, select.value);
    }
  }

  let pending = null;
  function refreshSoon(form) {
    // Nodes are drawn one after another when the editor opens: refresh once they all are.
    if (pending) return;
    pending = window.setTimeout(() => {
      pending = null;
      refreshAll(form);
    }, 0);
  }

  class BoundNodeKeySelect {
    constructor(select, parentCapabilities) {
      this.input = select;
      this.idForLabel = select.id;
      this.parentCapabilities = parentCapabilities || new Map();
      // Opening the list always offers the nodes as they are now.
      for (const event of ["focus", "mousedown"]) {
        select.addEventListener(event, () => fill(select, select.value));
      }
    }

    getValue() {
      return this.input.value;
    }

    getState() {
      return this.input.value;
    }

    setState(state) {
      // The server sends a Select's state as a list of selected values.
      const key = Array.isArray(state) ? state[0] || "" : state || "";
      fill(this.input, key);
      refreshSoon(this.input.form);
    }

    setInvalid(invalid) {
      if (invalid) this.input.setAttribute("aria-invalid", "true");
      else this.input.removeAttribute("aria-invalid");
    }

    getValueForLabel() {
      return this.input.value;
    }

    getTextLabel(options) {
      const text = this.getValueForLabel().trim();
      const max = options && options.maxLength;
      return max && text.length > max ? text.substring(0, max - 1) + "…" : text;
    }

    focus() {
      this.input.focus();
    }

    setCapabilityOptions(capability, options) {
      Object.assign(this.parentCapabilities.get(capability) || {}, options);
    }
  }

  class NodeKeySelect {
    constructor(html) {
      this.html = html;
    }

    render(placeholder, name, id, initialState, parentCapabilities, options = {}) {
      const holder = document.createElement("div");
      holder.innerHTML = this.html.replace(/__NAME__/g, name).replace(/__ID__/g, id).trim();
      const select = holder.querySelector("select");
      placeholder.replaceWith(select);
      for (const [attribute, value] of Object.entries(options.attributes || {})) {
        select.setAttribute(attribute, value);
      }
      const bound = new BoundNodeKeySelect(select, parentCapabilities);
      bound.setState(initialState);
      return bound;
    }
  }

  window.telepath.register("readyroom.drills.NodeKeySelect", NodeKeySelect);

  // Renaming a key: the pickers that pointed at the old key follow it, unless another node
  // still has the old key.
  document.addEventListener("focusin", (event) => {
    const input = event.target;
    if (input.matches && input.matches('input[name$="-value-key"]')) {
      input.dataset.drillPreviousKey = input.value.trim();
    }
  });
  document.addEventListener("change", (event) => {
    const input = event.target;
    if (!(input.matches && input.matches('input[name$="-value-key"]')) || !input.form) return;
    const before = input.dataset.drillPreviousKey || "";
    const after = input.value.trim();
    input.dataset.drillPreviousKey = after;
    const stillUsed = nodesOf({ name: input.name, form: input.form }).some(
      (node) => node.key === before,
    );
    if (before && after && before !== after && !stillUsed) {
      for (const select of input.form.querySelectorAll("select[data-drill-node-key]")) {
        if (select.value === before) fill(select, after);
      }
    }
    refreshAll(input.form);
  });
  document.addEventListener("input", (event) => {
    const input = event.target;
    if (input.matches && input.matches('input[name$="-value-title"]')) refreshSoon(input.form);
  });

  const Controller = window.StimulusModule && window.StimulusModule.Controller;
  if (!Controller || !window.wagtail || !window.wagtail.app) return;

  window.wagtail.app.register(
    "drill-node",
    class extends Controller {
      connect() {
        this.outcome = this.element.querySelector('select[name$="-value-outcome"]');
        this.choices = this.element.querySelector('[data-contentpath="choices"]');
        this.timer = ["timer_seconds", "timeout_next"]
          .map((name) => this.element.querySelector(`[data-contentpath="${name}"]`))
          .filter(Boolean);
        if (!this.outcome || !this.choices) return;
        this.update = this.update.bind(this);
        this.outcome.addEventListener("change", this.update);
        // Choices added or deleted change whether the list may be hidden.
        this.observer = new MutationObserver(this.update);
        this.observer.observe(this.choices, { childList: true, subtree: true });
        this.element.addEventListener("input", this.update);
        this.update();
      }

      disconnect() {
        if (this.observer) this.observer.disconnect();
        if (this.outcome) this.outcome.removeEventListener("change", this.update);
        this.element.removeEventListener("input", this.update);
      }

      choiceCount() {
        const container = this.choices.querySelector("[data-streamfield-list-container]");
        if (!container) return 0;
        return Array.from(container.children).filter((child) => {
          if (!child.matches("[data-streamfield-child]")) return false;
          const deleted = child.querySelector('input[name$="-deleted"]');
          return !(deleted && deleted.value === "1");
        }).length;
      }

      update() {
        const isEnd = this.outcome.value !== "";
        // Anything an end node may not have stays in sight until it is removed, so the
        // server's error about it points at something the editor can see.
        this.choices.hidden = isEnd && this.choiceCount() === 0;
        for (const field of this.timer) {
          const input = field.querySelector("input, select");
          field.hidden = isEnd && !(input && input.value);
        }
      }
    },
  );
})();
