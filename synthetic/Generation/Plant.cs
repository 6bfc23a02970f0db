using Warehouse.Synthetic.Levels;

namespace Warehouse.Synthetic.Generation;

/// <summary>What is planted in one partnership: indexes into its localities and the agencies (-1 for none).</summary>
internal sealed record Plant(int Locality, int Agency, double SeriousShare)
{
    public static Plant None { get; } = new(-1, -1, 0);

    /// <summary>The matrix for a consultation: the planted locality's or agency's, the common one otherwise (and for both at once).</summary>
    public TransitionMatrix MatrixFor(int locality, int agency, out PlantedKind kind)
    {
        var inLocality = locality == Locality;
        var fromAgency = agency == Agency;
        if (inLocality && !fromAgency)
        {
            kind = PlantedKind.OverResponseLocality;
            return TransitionMatrix.OverResponse;
        }

        if (fromAgency && !inLocality)
        {
            kind = PlantedKind.UnderResponseAgency;
            return TransitionMatrix.UnderResponse;
        }

        kind = PlantedKind.None;
        return TransitionMatrix.Common;
    }
}
