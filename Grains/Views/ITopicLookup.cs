namespace Topiary.Views;

/// <summary>Reads topics of the local tree while a view is evaluated (insertion topics, VIEW-40).</summary>
public interface ITopicLookup
{
    /// <summary>The topic at <paramref name="path"/>, or null when there is none. Must not block on the evaluating view.</summary>
    SourceTopic? Find(string path);
}
