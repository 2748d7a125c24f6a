namespace DealLang.Runtime;

/// <summary>A day a calendar's publisher closed on once, outside its rules (a day of mourning, a storm, a royal
/// wedding), kept as data with the reason it was announced for so that each entry can be checked against its source.</summary>
public sealed record OneOffClosure(Date Date, string Reason);
