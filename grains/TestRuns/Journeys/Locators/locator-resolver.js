() => {
  // Maestro's one locator resolver. Both browser drivers (Playwright and Selenium) inject this same function into every
  // frame they resolve in, so a locator means the same elements on either. Frame chains ("frame=CSS >> ...") are
  // walked by the drivers; this resolves one frame's part. Open shadow roots are pierced by every form except xpath.
  if (window.__maestroLocators) {
    return;
  }

  const normalise = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const skippedForText = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK']);
  const labelable = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'METER', 'OUTPUT', 'PROGRESS']);

  // Every element of the document and of every open shadow root below it, in document order (a host before its shadow
  // tree, its shadow tree before its light children).
  const allElements = () => {
    const out = [];
    const visit = (root) => {
      for (let el = root.firstElementChild; el; el = el.nextElementSibling) {
        out.push(el);
        if (el.shadowRoot) {
          visit(el.shadowRoot);
        }

        visit(el);
      }
    };
    visit(document);
    return out;
  };

  const byId = (el, id) => el.getRootNode().getElementById ? el.getRootNode().getElementById(id) : document.getElementById(id);

  // A label's own words: the text of a wrapping label without the text of the controls it wraps (a select's options).
  const labelText = (label) => {
    let text = '';
    const visit = (node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === Node.TEXT_NODE) {
          text += child.data;
        } else if (child.nodeType === Node.ELEMENT_NODE && !labelable.has(child.tagName)) {
          visit(child);
        }
      }
    };
    visit(label);
    return normalise(text);
  };

  const labelledBy = (el) => {
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter((id) => id);
    return ids.length === 0 ? null : normalise(ids.map((id) => byId(el, id)).filter((e) => e).map((e) => e.textContent).join(' '));
  };

  const controlLabels = (el) => (el.labels ? Array.from(el.labels).map(labelText) : []);

  const inputType = (el) => (el.getAttribute('type') || 'text').toLowerCase();

  const implicitRole = (el) => {
    const tag = el.tagName;
    switch (tag) {
      case 'BUTTON': return 'button';
      case 'A': case 'AREA': return el.hasAttribute('href') ? 'link' : null;
      case 'TEXTAREA': return 'textbox';
      case 'SELECT': return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
      case 'OPTION': return 'option';
      case 'H1': case 'H2': case 'H3': case 'H4': case 'H5': case 'H6': return 'heading';
      case 'UL': case 'OL': case 'MENU': return 'list';
      case 'LI': return 'listitem';
      case 'IMG': return el.getAttribute('alt') === '' ? 'presentation' : 'img';
      case 'NAV': return 'navigation';
      case 'MAIN': return 'main';
      case 'HEADER': return 'banner';
      case 'FOOTER': return 'contentinfo';
      case 'ASIDE': return 'complementary';
      case 'FORM': return 'form';
      case 'TABLE': return 'table';
      case 'TR': return 'row';
      case 'TD': return 'cell';
      case 'TH': return 'columnheader';
      case 'DIALOG': return 'dialog';
      case 'ARTICLE': return 'article';
      case 'SECTION': return 'region';
      case 'FIELDSET': return 'group';
      case 'P': return 'paragraph';
      case 'PROGRESS': return 'progressbar';
      case 'HR': return 'separator';
      case 'INPUT':
        switch (inputType(el)) {
          case 'button': case 'submit': case 'reset': case 'image': return 'button';
          case 'checkbox': return 'checkbox';
          case 'radio': return 'radio';
          case 'range': return 'slider';
          case 'number': return 'spinbutton';
          case 'search': return el.hasAttribute('list') ? 'combobox' : 'searchbox';
          case 'text': case 'email': case 'tel': case 'url': return el.hasAttribute('list') ? 'combobox' : 'textbox';
          default: return null;
        }
      default: return null;
    }
  };

  const roleOf = (el) => {
    const explicit = (el.getAttribute('role') || '').trim().split(/\s+/)[0];
    return explicit ? explicit.toLowerCase() : implicitRole(el);
  };

  // The README's order: aria-label, aria-labelledby, an associated <label>, alt, title, an input button's value, else
  // the text content; whitespace-normalised.
  const accessibleName = (el) => {
    const ariaLabel = normalise(el.getAttribute('aria-label'));
    if (ariaLabel) {
      return ariaLabel;
    }

    const byLabelledBy = labelledBy(el);
    if (byLabelledBy) {
      return byLabelledBy;
    }

    const labels = controlLabels(el).filter((t) => t);
    if (labels.length > 0) {
      return labels.join(' ');
    }

    for (const attribute of ['alt', 'title']) {
      const value = normalise(el.getAttribute(attribute));
      if (value) {
        return value;
      }
    }

    if (el.tagName === 'INPUT' && ['button', 'submit', 'reset'].includes(inputType(el))) {
      return normalise(el.value) || (inputType(el) === 'submit' ? 'Submit' : inputType(el) === 'reset' ? 'Reset' : '');
    }

    return normalise(el.textContent);
  };

  // Not in the accessibility tree: aria-hidden on the element or an ancestor, or not rendered.
  const hiddenForAria = (el) => {
    for (let e = el; e; e = e.parentElement || (e.getRootNode() instanceof ShadowRoot ? e.getRootNode().host : null)) {
      if (e.getAttribute('aria-hidden') === 'true') {
        return true;
      }
    }

    const style = getComputedStyle(el);
    return style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0 && style.display !== 'contents';
  };

  const parseRole = (value) => {
    const match = /^([a-z]+)(?:\[name="((?:[^"\\]|\\.)*)"\])?$/.exec(value);
    if (!match) {
      throw new Error(`malformed role locator '${value}': expected ROLE or ROLE[name="NAME"]`);
    }

    return { role: match[1], name: match[2] === undefined ? null : normalise(match[2].replace(/\\(.)/g, '$1')) };
  };

  const byText = (text) => {
    const wanted = normalise(text);
    const matches = allElements().filter((el) => !skippedForText.has(el.tagName) && !el.closest('head') && normalise(el.textContent) === wanted);
    // Innermost: an element whose descendant also matches gives way to it.
    return matches.filter((el) => !matches.some((other) => other !== el && el.contains(other)));
  };

  const byXPath = (expression) => {
    let result;
    try {
      result = document.evaluate(expression, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    } catch (e) {
      throw new Error(`malformed xpath '${expression}': ${e.message}`);
    }

    const out = [];
    for (let i = 0; i < result.snapshotLength; i++) {
      const node = result.snapshotItem(i);
      if (node.nodeType === Node.ELEMENT_NODE) {
        out.push(node);
      }
    }

    return out;
  };

  const byCss = (selector) => {
    try {
      document.createDocumentFragment().querySelector(selector);
    } catch (e) {
      throw new Error(`malformed css selector '${selector}'`);
    }

    return allElements().filter((el) => el.matches(selector));
  };

  const prefixes = ['testid', 'role', 'label', 'id', 'name', 'text', 'css', 'xpath'];

  // All elements one frame's locator matches, in document order.
  const all = (locator) => {
    const equals = locator.indexOf('=');
    const prefix = equals > 0 ? locator.slice(0, equals) : '';
    if (!prefixes.includes(prefix)) {
      return byCss(locator);
    }

    const value = locator.slice(equals + 1);
    switch (prefix) {
      case 'testid': return allElements().filter((el) => el.getAttribute('data-testid') === value);
      case 'id': return allElements().filter((el) => el.id === value);
      case 'name': return allElements().filter((el) => el.getAttribute('name') === value);
      case 'text': return byText(value);
      case 'css': return byCss(value);
      case 'xpath': return byXPath(value);
      case 'label': {
        const wanted = normalise(value);
        return allElements().filter((el) => (labelable.has(el.tagName) && !(el.tagName === 'INPUT' && inputType(el) === 'hidden'))
          && (controlLabels(el).includes(wanted) || labelledBy(el) === wanted || normalise(el.getAttribute('aria-label')) === wanted));
      }
      default: {
        const { role, name } = parseRole(value);
        return allElements().filter((el) => roleOf(el) === role && !hiddenForAria(el) && (name === null || accessibleName(el) === name));
      }
    }
  };

  const visible = (el) => {
    if (!el.isConnected) {
      return false;
    }

    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && getComputedStyle(el).visibility === 'visible';
  };

  const isFormControl = (el) => ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);

  const enabled = (el) => !(el.matches(':disabled') || el.closest('[aria-disabled="true"]'));

  const editable = (el) => enabled(el) && (isFormControl(el) ? !el.readOnly : el.isContentEditable);

  // What assert-text reads: a form control's value (a select's chosen option's label), else the normalised text.
  const text = (el) => {
    if (el.tagName === 'SELECT') {
      return el.selectedIndex < 0 ? '' : normalise(el.options[el.selectedIndex].label);
    }

    return isFormControl(el) ? el.value : normalise(el.textContent);
  };

  window.__maestroLocators = {
    all,

    // What the drivers call: the one element, or how many matched, or the reason the locator is malformed.
    one: (locator) => {
      try {
        const found = all(locator);
        return found.length === 1 ? found[0] : found.length;
      } catch (e) {
        return 'malformed: ' + e.message;
      }
    },

    count: (locator) => {
      try {
        return all(locator).length;
      } catch (e) {
        return 'malformed: ' + e.message;
      }
    },

    state: (el) => ({ visible: visible(el), enabled: enabled(el), editable: editable(el) }),

    text,

    // Selects the option whose value, else whose label, is the given text, as a user's choice would: input and change
    // events. Returns the chosen value, or null when no option has it.
    select: (el, wanted) => {
      const options = Array.from(el.options || []);
      const option = options.find((o) => o.value === wanted) || options.find((o) => normalise(o.label) === normalise(wanted));
      if (!option) {
        return null;
      }

      option.selected = true;
      el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return option.value;
    },
  };
}
