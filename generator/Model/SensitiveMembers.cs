using System;
using System.Collections.Generic;
using System.Linq;
using SoapGen.Generator.Common;

namespace SoapGen.Generator.Model;

/// <summary>
/// Decides which members carry credentials or session tokens, so generated records never print their values: names whose
/// words (camelCase, snake_case, acronyms) include a credential word ("password", "userPassword", "api_key", "APIKey",
/// "sessionId", "authToken", "sid"), and the names a user lists in SoapGenSensitiveMembers.
/// </summary>
internal sealed class SensitiveMembers
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "passphrase", "secret", "token", "sid", "apikey", "sessionid", "credential", "credentials",
    };

    // Two words that say "credential" only together: "api key", not "key"; "session id", not "id".
    private static readonly HashSet<(string, string)> Pairs = new()
    {
        ("api", "key"), ("session", "id"), ("private", "key"), ("access", "key"), ("secret", "key"), ("auth", "key"),
    };

    private readonly HashSet<string> _configured;

    /// <param name="configured">SoapGenSensitiveMembers values: names separated by ';' or ','.</param>
    public SensitiveMembers(IEnumerable<string?> configured) =>
        _configured = new HashSet<string>(
            configured.SelectMany(list => (list ?? string.Empty).Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)).Select(n => n.Trim()).Where(n => n.Length > 0),
            StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a member, by its XML name or its C# name, carries a secret.</summary>
    public bool IsSensitive(string xmlName, string csharpName) =>
        _configured.Contains(xmlName) || _configured.Contains(csharpName) || HasCredentialWord(xmlName);

    public EquatableArray<ElementModel> Mark(EquatableArray<ElementModel> members) =>
        members.Select(m => IsSensitive(m.LocalName, m.Name) ? m with { IsSensitive = true } : m).ToEquatableArray();

    /// <summary>The types with their sensitive members marked.</summary>
    public EquatableArray<TypeModel> Mark(EquatableArray<TypeModel> types) =>
        types.Select(t => t with { Members = Mark(t.Members) }).ToEquatableArray();

    /// <summary>The services with the sensitive parameters and response parts of their operations marked.</summary>
    public EquatableArray<ServiceModel> Mark(IEnumerable<ServiceModel> services) =>
        services.Select(service => service with
        {
            Clients = service.Clients.Select(client => client with
            {
                Operations = client.Operations.Select(operation => operation with
                {
                    Parameters = Mark(operation.Parameters),
                    Return = operation.Return with { Parts = Mark(operation.Return.Parts) },
                }).ToEquatableArray(),
            }).ToEquatableArray(),
        }).ToEquatableArray();

    internal static bool HasCredentialWord(string name)
    {
        var words = SplitWords(name);
        for (var i = 0; i < words.Count; i++)
        {
            if (Words.Contains(words[i]) || (i + 1 < words.Count && Pairs.Contains((words[i], words[i + 1]))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"userAPIKey_2" → user, api, key, 2.</summary>
    private static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var c = i < name.Length ? name[i] : ' ';
            var boundary = !char.IsLetterOrDigit(c)
                || (start >= 0 && i > start && (
                    (char.IsUpper(c) && char.IsLower(name[i - 1]))                                                  // camelCase
                    || (char.IsUpper(c) && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1])) // APIKey
                    || (char.IsDigit(c) != char.IsDigit(name[i - 1]))));
            if (boundary && start >= 0)
            {
                words.Add(name.Substring(start, i - start).ToLowerInvariant());
                start = -1;
            }

            if (start < 0 && char.IsLetterOrDigit(c))
            {
                start = i;
            }
        }

        return words;
    }
}
