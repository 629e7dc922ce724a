namespace RegistryGuard.Metrics;

public enum PushMode
{
    /// <summary>PUT: the group becomes exactly what is pushed; a series not pushed disappears.</summary>
    Replace,

    /// <summary>POST: only the families pushed are replaced; the group's other families keep their values.</summary>
    Merge,
}
