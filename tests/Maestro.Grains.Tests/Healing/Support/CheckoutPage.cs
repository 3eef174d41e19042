namespace Maestro.Grains.Tests.Healing;

/// <summary>The checkout page the healing and auto-repair tests serve and break, and the journey that checks it.</summary>
public static class CheckoutPage
{
    /// <summary>A journeys file: open the page, click the order button by its id, expect the order to be placed.</summary>
    public const string Journeys = """
        journeys:
          - name: checkout
            steps:
              - navigate: /
              - click: id=place-order   # the order button
              - assert-text: { locator: id=status, equals: Order placed }
        """;

    /// <summary>The journeys file as locator healing repairs it: the click step finds the button by its role and name.</summary>
    public static string Repaired { get; } = Journeys.Replace("click: id=place-order ", "click: role=button[name=\"Place order\"] ", StringComparison.Ordinal);

    /// <summary>The page, with the order button's id and what clicking it shows.</summary>
    public static string Html(string buttonId, string outcome) => $$"""
        <html><body><h1>Checkout</h1><p>Total: 12.00</p>
        <button id="back" class="btn">Back to cart</button>
        <button id="{{buttonId}}" class="btn btn-primary" onclick="document.getElementById('status').textContent = '{{outcome}}'">Place order</button>
        <p id="status"></p></body></html>
        """;
}
