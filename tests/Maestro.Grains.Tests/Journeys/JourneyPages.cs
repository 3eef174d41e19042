namespace Maestro.Grains.Tests.Journeys;

/// <summary>The pages the journey tests serve: one shop page with every kind of element, a frame, a nested frame, and an open shadow root.</summary>
internal static class JourneyPages
{
    /// <summary>Every page by the path it is served at.</summary>
    public static IReadOnlyDictionary<string, string> ByPath => new Dictionary<string, string>
    {
        ["/app"] = Shop,
        ["/app/frame"] = Frame,
        ["/app/inner"] = Inner,
        ["/app/next"] = Next,
    };

    public const string Shop =
        """
        <!doctype html>
        <html><head><title>Journey shop</title>
        <style>#submenu { display: none; position: absolute; background: #eee; } #menu:hover + #submenu, #submenu.open { display: block; } .gone { display: none; }</style>
        </head><body>
        <h1>Journey shop</h1>
        <nav><a id="docs" href="/docs" data-state="ready" title="Documentation">Docs</a> <a href="/app/next?from=shop">Next page</a></nav>
        <p id="greeting">Hello <b>world</b></p>
        <button data-testid="add" onclick="count.textContent = +count.textContent + 1">Add to cart</button>
        <span id="count">0</span>
        <button aria-label="Close dialog" onclick="dismissed.textContent = 'dismissed'">X</button><span id="dismissed"></span>
        <div role="button" tabindex="0" onclick="custom.textContent = 'custom clicked'">Custom</div><span id="custom"></span>
        <button id="disabled-btn" disabled>Disabled</button>
        <label for="email">Email</label> <input id="email" name="email" oninput="echo.textContent = this.value">
        <span id="echo"></span>
        <label><input type="checkbox" id="terms"> Accept terms</label>
        <label>Country <select id="country" onchange="chosen.textContent = this.value">
          <option value="">Pick one</option><option value="fr">France</option><option value="de">Germany</option>
        </select></label>
        <span id="chosen"></span>
        <div id="menu">Menu</div><div id="submenu" onmouseenter="">Submenu</div>
        <span id="hovered"></span>
        <input id="search" onkeydown="if (event.key === 'Enter') searched.textContent = 'searched ' + this.value">
        <span id="searched"></span>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Logo" width="10" height="10">
        <ul id="items"><li>One</li><li>Two</li><li>Three</li></ul>
        <button id="later" onclick="setTimeout(() => { const d = document.createElement('div'); d.dataset.testid = 'late'; d.textContent = 'Arrived'; document.body.append(d); }, 300)">Later</button>
        <button id="vanish" onclick="setTimeout(() => document.getElementById('doomed').remove(), 300)">Vanish</button>
        <div id="doomed">Doomed</div>
        <button id="hide" onclick="setTimeout(() => document.getElementById('fading').classList.add('gone'), 300)">Hide</button>
        <div id="fading">Fading</div>
        <div class="twin">Twin</div><div class="twin">Twin</div>
        <iframe id="outer" src="/app/frame" width="400" height="200"></iframe>
        <shop-widget></shop-widget>
        <script>
          document.getElementById('menu').addEventListener('mouseenter', () => hovered.textContent = 'hovered');
          customElements.define('shop-widget', class extends HTMLElement {
            constructor() {
              super();
              const root = this.attachShadow({ mode: 'open' });
              root.innerHTML = '<button data-testid="shadow-btn" class="deep" onclick="this.getRootNode().getElementById(\'shadow-out\').textContent = \'shadow clicked\'">Shadow button</button>'
                + '<span id="shadow-out"></span><label for="shadow-input">Nickname</label><input id="shadow-input" name="nick">';
            }
          });
        </script>
        </body></html>
        """;

    public const string Frame =
        """
        <!doctype html>
        <html><body>
        <button data-testid="frame-btn" onclick="out.textContent = 'frame clicked'">In frame</button><span id="out"></span>
        <iframe id="inner" src="/app/inner" width="300" height="80"></iframe>
        </body></html>
        """;

    public const string Inner =
        """
        <!doctype html>
        <html><body><p id="deepest">Inner frame text</p></body></html>
        """;

    public const string Next =
        """
        <!doctype html>
        <html><head><title>Next</title></head><body><h2>Second page</h2></body></html>
        """;
}
