namespace Tributary.TestSupport.FakeGitLab;

/// <summary>The file texts and unified diffs of the fake's review merge requests (Python, as the backend project is).</summary>
internal static class ReviewTexts
{
    public const string PricingAfter = """
        from decimal import Decimal

        from orders.discounts import Discount, best_discount
        from orders.models import Order


        def subtotal(order: Order) -> Decimal:
            return sum((line.price * line.quantity for line in order.lines), Decimal("0"))


        def tax(order: Order, rate: Decimal) -> Decimal:
            return subtotal(order) * rate


        def shipping(order: Order) -> Decimal:
            if subtotal(order) >= Decimal("50"):
                return Decimal("0")
            return Decimal("4.90")


        def total(order: Order, rate: Decimal, discounts: list[Discount]) -> Decimal:
            amount = subtotal(order) - best_discount(order, discounts)
            return amount + tax(order, rate) + shipping(order)

        """;

    // Hunk 1 adds line 3; hunk 2 replaces old lines 20-21 by new lines 21-22 (context: old 17-19 = new 18-20, old 22 = new 23).
    public static string PricingDiff => Lines(
        "@@ -1,5 +1,6 @@",
        " from decimal import Decimal",
        " ",
        "+from orders.discounts import Discount, best_discount",
        " from orders.models import Order",
        " ",
        " ",
        "@@ -17,6 +18,6 @@ def shipping(order: Order) -> Decimal:",
        "     return Decimal(\"4.90\")",
        " ",
        " ",
        "-def total(order: Order, rate: Decimal) -> Decimal:",
        "-    amount = subtotal(order)",
        "+def total(order: Order, rate: Decimal, discounts: list[Discount]) -> Decimal:",
        "+    amount = subtotal(order) - best_discount(order, discounts)",
        "     return amount + tax(order, rate) + shipping(order)");

    public const string Discounts = """
        from dataclasses import dataclass
        from decimal import Decimal

        from orders.models import Order


        @dataclass(frozen=True)
        class Discount:
            code: str
            percent: Decimal


        def best_discount(order: Order, discounts: list[Discount]) -> Decimal:
            subtotal = sum((line.price * line.quantity for line in order.lines), Decimal("0"))
            return max((subtotal * d.percent / 100 for d in discounts), default=Decimal("0"))

        """;

    public const string Docs = """
        # Discounts

        Pass the customer's discount codes to `total()`; the best one applies.
        A discount never makes a total negative.

        """;

    public const string Export = """
        import csv


        def export(orders, out):
            csv.writer(out).writerows((o.id, o.total) for o in orders)

        """;

    public static string DiscountsDiff => NewFileDiff(Discounts);

    public static string DocsDiff => NewFileDiff(Docs);

    public static string ExportDiff => NewFileDiff(Export);

    private static string NewFileDiff(string text)
    {
        string[] lines = text.TrimEnd('\n').Split('\n');
        return Lines([$"@@ -0,0 +1,{lines.Length} @@", .. lines.Select(l => "+" + l)]);
    }

    private static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));
}
