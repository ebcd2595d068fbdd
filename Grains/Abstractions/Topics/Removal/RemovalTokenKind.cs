namespace Topiary.Topics.Removal;

/// <summary>Kinds of token in a removal policy.</summary>
internal enum RemovalTokenKind
{
    Word,
    Quoted,
    LeftParenthesis,
    RightParenthesis,
    Less,
    End,
}
