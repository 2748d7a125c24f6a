using System.Reflection;
using Antlr4.Runtime;
using DealLang.Compiler.Parsing;
using DealLang.Grammar;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>The formatter's roles (DealParser.Layout) stay in step with the grammar: every rule whose contexts
/// stand as a list between a rule's braces is a member rule, so a new block's members start lines (and are not
/// laid out as continuations of the member before them).</summary>
public class LayoutRoleTests
{
    /// <summary>Lists between braces that are not blocks of members: names and expressions in a declaration's head
    /// (<c>lease L on C {</c>, a scenario's <c>S for D</c>), a fee's amount, its escalation and its <c>until repaid</c> or <c>until default</c>
    /// (the amount is marked on its own; the rest follows it on its line), an unknown declaration's skipped block
    /// (refused with its DL0109), and a call schedule's steps (a sentence, <c>callable from D at P, from D at P</c>,
    /// before its make-whole curve's braces).</summary>
    static readonly HashSet<int> NotMembers =
        [DealLangParser.RULE_ident, DealLangParser.RULE_expr, DealLangParser.RULE_perYear, DealLangParser.RULE_feeUntil, DealLangParser.RULE_block, DealLangParser.RULE_callStep];

    [Fact]
    public void Every_list_between_braces_in_the_grammar_is_a_member_rule()
    {
        var missing = new List<string>();
        foreach (Type context in typeof(DealLangParser).GetNestedTypes().Where(t => typeof(ParserRuleContext).IsAssignableFrom(t)))
        {
            if (context.GetMethod("LBRACE", Type.EmptyTypes) is null)
            {
                continue;
            }

            foreach (MethodInfo list in context.GetMethods().Where(m => !m.IsGenericMethodDefinition && m.GetParameters().Length == 0 && m.ReturnType.IsArray
                         && typeof(ParserRuleContext).IsAssignableFrom(m.ReturnType.GetElementType())))
            {
                var element = (ParserRuleContext)Activator.CreateInstance(list.ReturnType.GetElementType()!, null, 0)!;
                if (!NotMembers.Contains(element.RuleIndex) && !DealParser.MemberRules.Contains(element.RuleIndex))
                {
                    missing.Add($"{context.Name}.{list.Name}()");
                }
            }
        }

        Assert.Empty(missing);
    }
}
