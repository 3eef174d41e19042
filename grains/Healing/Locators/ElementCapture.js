// Maestro locator healing: describes elements the same way for a reference (one element) and for the live page's
// candidates (every element, through same-origin iframes and open shadow roots). Evaluated as a function expression
// whose one argument is the element to describe, an object { path } naming one by the path a snapshot gave it, or null
// for the whole page. A snapshot leaves out the CSS and XPath selectors: only the chosen candidate needs them, and
// building them for every element of a large page costs more than the rest of the capture.
(target) => {
  const skipped = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'META', 'LINK', 'HEAD', 'TITLE', 'BASE', 'HTML', 'BR']);
  // Attributes kept in their own fields, or too volatile to compare (inline style changes with every animation).
  const ownFields = new Set(['id', 'class', 'name', 'data-testid', 'role', 'aria-label', 'style']);
  const maxText = 200;
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const cut = (s) => (s.length > maxText ? s.slice(0, maxText) : s);

  const implicitRole = (el) => {
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute('type') || 'text').toLowerCase();
    switch (tag) {
      case 'button': return 'button';
      case 'a': case 'area': return el.hasAttribute('href') ? 'link' : '';
      case 'input':
        if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
        if (type === 'checkbox') return 'checkbox';
        if (type === 'radio') return 'radio';
        if (type === 'range') return 'slider';
        if (type === 'number') return 'spinbutton';
        if (type === 'search') return el.hasAttribute('list') ? 'combobox' : 'searchbox';
        if (type === 'hidden') return '';
        if (['text', 'email', 'tel', 'url', 'password'].includes(type)) return el.hasAttribute('list') ? 'combobox' : (type === 'password' ? '' : 'textbox');
        return 'textbox';
      case 'textarea': return 'textbox';
      case 'select': return (el.multiple || el.size > 1) ? 'listbox' : 'combobox';
      case 'option': return 'option';
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': return 'heading';
      case 'li': return 'listitem';
      case 'ul': case 'ol': return 'list';
      case 'img': return el.getAttribute('alt') === '' ? 'presentation' : 'img';
      case 'nav': return 'navigation';
      case 'main': return 'main';
      case 'table': return 'table';
      case 'tr': return 'row';
      case 'td': return 'cell';
      case 'th': return 'columnheader';
      case 'dialog': return 'dialog';
      case 'progress': return 'progressbar';
      case 'article': return 'article';
      default: return '';
    }
  };

  const labelText = (el) => {
    if (el.labels && el.labels.length > 0) {
      return norm(Array.from(el.labels).map((l) => l.textContent).join(' '));
    }
    return '';
  };

  const labelledBy = (el) => {
    const ids = norm(el.getAttribute('aria-labelledby'));
    if (!ids) return '';
    const root = el.getRootNode();
    return norm(ids.split(' ').map((id) => {
      const ref = root.getElementById ? root.getElementById(id) : el.ownerDocument.getElementById(id);
      return ref ? ref.textContent : '';
    }).join(' '));
  };

  // The element's text when it is short, else ''; stops reading early, so a container costs no more than a leaf
  // (textContent of every ancestor would make a snapshot quadratic in the page's size).
  const shortText = (el, limit) => {
    const walker = (el.ownerDocument || document).createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      text += node.data;
      if (text.length > limit * 4) return '';
    }
    text = norm(text);
    return text.length <= limit ? text : '';
  };

  const ownText = (el) => {
    let own = '';
    for (const node of el.childNodes) {
      if (node.nodeType === 3) own += node.textContent + ' ';
    }
    own = norm(own);
    if (own) return cut(own);
    // A control whose text sits in a child (<button><span>Save</span></button>) is still called by that text.
    return shortText(el, 80);
  };

  const accessibleName = (el, role, label, text) => {
    const byId = labelledBy(el);
    if (byId) return byId;
    const aria = norm(el.getAttribute('aria-label'));
    if (aria) return aria;
    if (label) return label;
    const tag = el.tagName.toLowerCase();
    if (tag === 'input' && ['button', 'submit', 'reset'].includes((el.getAttribute('type') || '').toLowerCase())) return norm(el.value);
    const alt = norm(el.getAttribute('alt'));
    if (alt) return alt;
    // Roles named by their content take it before the title, which is only a fallback for them.
    if (['button', 'link', 'heading', 'listitem', 'option', 'cell', 'columnheader', 'tab', 'menuitem', 'checkbox', 'radio'].includes(role)) {
      const content = shortText(el, maxText);
      if (content) return content;
    }
    return norm(el.getAttribute('title'));
  };

  const visible = (el) => {
    const rect = el.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) return false;
    return el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : true;
  };

  const enabled = (el) => {
    if (el.matches && el.matches(':disabled')) return false;
    return el.getAttribute('aria-disabled') !== 'true';
  };

  const esc = (s) => CSS.escape(s);

  // A selector unique within the element's own root (document or shadow root); ancestors with a unique id anchor it.
  const localCss = (el) => {
    const root = el.getRootNode();
    const unique = (sel) => { try { return root.querySelectorAll(sel).length === 1; } catch { return false; } };
    if (el.id && unique('#' + esc(el.id))) return '#' + esc(el.id);
    const parts = [];
    let cur = el;
    while (cur && cur.nodeType === 1) {
      if (cur !== el && cur.id && unique('#' + esc(cur.id))) { parts.unshift('#' + esc(cur.id)); break; }
      const tag = cur.tagName.toLowerCase();
      const parent = cur.parentElement;
      if (!parent) { parts.unshift(tag); break; }
      const same = Array.from(parent.children).filter((c) => c.tagName === cur.tagName);
      parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(cur) + 1})` : tag);
      cur = parent;
    }
    return parts.join(' > ');
  };

  const localXpath = (el) => {
    const parts = [];
    let cur = el;
    while (cur && cur.nodeType === 1) {
      const parent = cur.parentElement;
      const tag = cur.tagName.toLowerCase();
      if (!parent) { parts.unshift(tag); break; }
      const same = Array.from(parent.children).filter((c) => c.tagName === cur.tagName);
      parts.unshift(same.length > 1 ? `${tag}[${same.indexOf(cur) + 1}]` : tag);
      cur = parent;
    }
    return '/' + parts.join('/');
  };

  // The element's steps from its root's top element down to it: tag and index among element siblings.
  const localPath = (el) => {
    const steps = [];
    let cur = el;
    while (cur && cur.nodeType === 1) {
      let index = 0;
      for (let s = cur.previousElementSibling; s; s = s.previousElementSibling) index++;
      steps.unshift({ tag: cur.tagName.toLowerCase(), index });
      cur = cur.parentElement;
    }
    return steps;
  };

  // Where a root lies: the chain of shadow hosts and iframes above it, as path prefix, CSS prefix and frame selectors.
  const contextOf = (el) => {
    const root = el.getRootNode();
    if (root instanceof ShadowRoot) {
      const host = contextOf(root.host);
      const hostCss = host.cssPrefix + localCss(root.host);
      return {
        path: host.path.concat(localPath(root.host), [{ tag: '#shadow-root', index: 0 }]),
        frames: host.frames,
        cssPrefix: hostCss + ' ',
        inShadow: true,
      };
    }
    const frameElement = root.defaultView ? root.defaultView.frameElement : null;
    if (frameElement) {
      const outer = contextOf(frameElement);
      return {
        path: outer.path.concat(localPath(frameElement), [{ tag: '#document', index: 0 }]),
        frames: outer.frames.concat([outer.cssPrefix + localCss(frameElement)]),
        cssPrefix: '',
        inShadow: false,
      };
    }
    return { path: [], frames: [], cssPrefix: '', inShadow: false };
  };

  const pathText = (steps) => steps.map((step) => `${step.tag}:${step.index}`).join('/');

  // Only what is there: empty fields are left out (a snapshot of a large page is mostly empty fields), and the path
  // is one string, tag:index/tag:index, which ElementCaptureScript reads back.
  const describe = (el, context, withSelectors) => {
    const out = { tag: el.tagName.toLowerCase(), path: pathText(context.path.concat(localPath(el))) };
    const put = (key, value) => { if (value) out[key] = value; };
    let attributes = null;
    for (const a of el.attributes) {
      if (!ownFields.has(a.name)) (attributes = attributes || {})[a.name] = cut(a.value);
    }
    const role = norm(el.getAttribute('role')) || implicitRole(el);
    const label = labelText(el);
    const text = ownText(el);
    put('id', el.id);
    put('name', el.getAttribute('name'));
    put('testId', el.getAttribute('data-testid'));
    put('role', role);
    put('ariaLabel', el.getAttribute('aria-label'));
    put('accessibleName', accessibleName(el, role, label, text));
    put('label', label);
    put('text', text);
    if (el.classList.length > 0) out.classes = Array.from(el.classList);
    put('attributes', attributes);
    if (!visible(el)) out.hidden = true;
    if (!enabled(el)) out.disabled = true;
    if (context.frames.length > 0) out.frames = context.frames;
    if (context.inShadow) out.inShadow = true;
    if (withSelectors) {
      out.css = context.cssPrefix + localCss(el);
      put('xpath', context.inShadow ? null : localXpath(el));
    }
    return out;
  };

  const byPath = (path) => {
    const steps = path.split('/').map((step) => {
      const colon = step.lastIndexOf(':');
      return { tag: step.slice(0, colon), index: Number(step.slice(colon + 1)) };
    });
    let root = document;
    let current = null;
    for (const step of steps) {
      if (step.tag === '#shadow-root') {
        root = current && current.shadowRoot;
        current = null;
      } else if (step.tag === '#document') {
        try { root = current && current.contentDocument; } catch { root = null; }
        current = null;
      } else {
        const children = current ? current.children : (root ? root.children : null);
        current = children && step.index < children.length ? children[step.index] : null;
        if (!current || current.tagName.toLowerCase() !== step.tag) return null;
      }
      if (!root) return null;
    }
    return current;
  };

  if (target && target.path) {
    const found = byPath(target.path);
    return found ? describe(found, contextOf(found), true) : null;
  }
  if (target) {
    return describe(target, contextOf(target), true);
  }

  const out = [];
  const walk = (root, context) => {
    const all = root.querySelectorAll('*');
    for (const el of all) {
      if (!skipped.has(el.tagName)) {
        out.push(describe(el, context, false));
      }
      if (el.shadowRoot) {
        walk(el.shadowRoot, contextOf(el.shadowRoot.firstElementChild || el));
      }
      if (el.tagName === 'IFRAME') {
        let doc = null;
        try { doc = el.contentDocument; } catch { doc = null; }
        if (doc && doc.documentElement) {
          walk(doc, contextOf(doc.documentElement));
        }
      }
    }
  };
  walk(document, contextOf(document.documentElement));
  return out;
}
