using System.Globalization;

namespace Maestro.Grains.Workflows;

/// <summary>
/// A step's <c>when</c> condition: references (bare, <c>steps.build.status</c>, or as <c>${...}</c>), string literals
/// in single or double quotes, numbers, <c>true</c>/<c>false</c>, compared with <c>== != &lt; &lt;= &gt; &gt;=</c> and
/// combined with <c>! &amp;&amp; ||</c> and parentheses. Values are strings; <c>&lt;</c> and friends compare numbers;
/// a value alone is true unless it is empty, <c>false</c> or <c>0</c>.
/// </summary>
public sealed class ConditionExpression
{
    private readonly Node? root;

    private ConditionExpression(Node? root, IReadOnlyList<ExpressionReference> references, ExpressionError? error)
    {
        this.root = root;
        References = references;
        Error = error;
    }

    public ExpressionError? Error { get; }

    public IReadOnlyList<ExpressionReference> References { get; }

    public static ConditionExpression Parse(string text)
    {
        var references = new List<ExpressionReference>();
        try
        {
            var parser = new Parser(Tokenize(text), references);
            var node = parser.ParseAll();
            return new ConditionExpression(node, references, null);
        }
        catch (ConditionSyntaxException ex)
        {
            return new ConditionExpression(null, references, new ExpressionError(ex.Offset, ex.Message));
        }
    }

    public bool Evaluate(Func<ExpressionReference, string> resolve)
    {
        if (root is null)
        {
            throw new ExpressionEvaluationException(Error?.Message ?? "invalid condition");
        }

        return IsTrue(root.Evaluate(resolve));
    }

    private static bool IsTrue(string value) => value.Length > 0 && value != "0" && !value.Equals("false", StringComparison.OrdinalIgnoreCase);

    private static double Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ExpressionEvaluationException($"'{value}' is not a number, so it cannot be compared with < or >");

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw new ConditionSyntaxException(i, "string literal is not closed");
                }

                tokens.Add(new Token(TokenKind.Literal, text[(i + 1)..end], i));
                i = end + 1;
            }
            else if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = text.IndexOf('}', i);
                if (end < 0)
                {
                    throw new ConditionSyntaxException(i, "'${' is not closed by '}'");
                }

                tokens.Add(new Token(TokenKind.Reference, text[(i + 2)..end].Trim(), i));
                i = end + 1;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.'))
                {
                    i++;
                }

                var word = text[start..i];
                var isLiteral = word is "true" or "false" || double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                tokens.Add(new Token(isLiteral ? TokenKind.Literal : TokenKind.Reference, word, start));
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : null;
                if (two is "==" or "!=" or "<=" or ">=" or "&&" or "||")
                {
                    tokens.Add(new Token(TokenKind.Operator, two, i));
                    i += 2;
                }
                else if (c is '<' or '>' or '!' or '(' or ')')
                {
                    tokens.Add(new Token(TokenKind.Operator, c.ToString(), i));
                    i++;
                }
                else
                {
                    throw new ConditionSyntaxException(i, $"unexpected character '{c}'");
                }
            }
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    private enum TokenKind
    {
        Literal,
        Reference,
        Operator,
        End,
    }

    private sealed record Token(TokenKind Kind, string Text, int Offset);

    private sealed class ConditionSyntaxException(int offset, string message) : Exception(message)
    {
        public int Offset { get; } = offset;
    }

    private abstract class Node
    {
        public abstract string Evaluate(Func<ExpressionReference, string> resolve);
    }

    private sealed class ValueNode(string value) : Node
    {
        public override string Evaluate(Func<ExpressionReference, string> resolve) => value;
    }

    private sealed class ReferenceNode(ExpressionReference reference) : Node
    {
        public override string Evaluate(Func<ExpressionReference, string> resolve) => resolve(reference);
    }

    private sealed class NotNode(Node operand) : Node
    {
        public override string Evaluate(Func<ExpressionReference, string> resolve) => IsTrue(operand.Evaluate(resolve)) ? "false" : "true";
    }

    private sealed class BinaryNode(string op, Node left, Node right) : Node
    {
        public override string Evaluate(Func<ExpressionReference, string> resolve)
        {
            // && and || short-circuit, so "steps.a.status == 'succeeded' && steps.a.outputs.x == '1'" never reads a skipped step's output.
            if (op == "&&")
            {
                return IsTrue(left.Evaluate(resolve)) && IsTrue(right.Evaluate(resolve)) ? "true" : "false";
            }

            if (op == "||")
            {
                return IsTrue(left.Evaluate(resolve)) || IsTrue(right.Evaluate(resolve)) ? "true" : "false";
            }

            var l = left.Evaluate(resolve);
            var r = right.Evaluate(resolve);
            var result = op switch
            {
                "==" => Equal(l, r),
                "!=" => !Equal(l, r),
                "<" => Number(l) < Number(r),
                "<=" => Number(l) <= Number(r),
                ">" => Number(l) > Number(r),
                _ => Number(l) >= Number(r),
            };
            return result ? "true" : "false";
        }

        private static bool Equal(string l, string r) =>
            double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
                ? a.Equals(b)
                : string.Equals(l, r, StringComparison.Ordinal);
    }

    private sealed class Parser(List<Token> tokens, List<ExpressionReference> references)
    {
        private int position;

        private Token Current => tokens[position];

        public Node ParseAll()
        {
            if (Current.Kind == TokenKind.End)
            {
                throw new ConditionSyntaxException(0, "the condition is empty");
            }

            var node = ParseOr();
            if (Current.Kind != TokenKind.End)
            {
                throw new ConditionSyntaxException(Current.Offset, $"unexpected '{Current.Text}'");
            }

            return node;
        }

        private Node ParseOr()
        {
            var left = ParseAnd();
            while (IsOperator("||"))
            {
                position++;
                left = new BinaryNode("||", left, ParseAnd());
            }

            return left;
        }

        private Node ParseAnd()
        {
            var left = ParseNot();
            while (IsOperator("&&"))
            {
                position++;
                left = new BinaryNode("&&", left, ParseNot());
            }

            return left;
        }

        private Node ParseNot()
        {
            if (IsOperator("!"))
            {
                position++;
                return new NotNode(ParseNot());
            }

            var left = ParsePrimary();
            if (Current.Kind == TokenKind.Operator && Current.Text is "==" or "!=" or "<" or "<=" or ">" or ">=")
            {
                var op = Current.Text;
                position++;
                return new BinaryNode(op, left, ParsePrimary());
            }

            return left;
        }

        private Node ParsePrimary()
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Literal:
                    position++;
                    return new ValueNode(token.Text);
                case TokenKind.Reference:
                    position++;
                    var reference = ExpressionReference.TryParse(token.Text, token.Offset, out var error)
                        ?? throw new ConditionSyntaxException(token.Offset, error!);
                    references.Add(reference);
                    return new ReferenceNode(reference);
                case TokenKind.Operator when token.Text == "(":
                    position++;
                    var inner = ParseOr();
                    if (!IsOperator(")"))
                    {
                        throw new ConditionSyntaxException(Current.Offset, "expected ')'");
                    }

                    position++;
                    return inner;
                case TokenKind.End:
                    throw new ConditionSyntaxException(token.Offset, "the condition ends where a value was expected");
                default:
                    throw new ConditionSyntaxException(token.Offset, $"expected a value, found '{token.Text}'");
            }
        }

        private bool IsOperator(string op) => Current.Kind == TokenKind.Operator && Current.Text == op;
    }
}
