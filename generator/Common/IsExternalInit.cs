namespace System.Runtime.CompilerServices;

// Records and init-only setters need this type, which netstandard2.0 lacks.
internal static class IsExternalInit
{
}
